import Foundation
import ZIPFoundation

/// `.npy` arrays and `.npz` archives written byte by byte, as NumPy's format document lays them out, for tests
/// that must not need NumPy.
enum NumPyFixture {
  /// A .npy file: a version 1 (or 2) header padded to 64 bytes, as NumPy writes it, then `payload`.
  static func npy(_ descr: String, shape: String, _ payload: [UInt8], version: UInt8 = 1) -> Data {
    var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
    let prefix = version == 1 ? 10 : 12
    while (prefix + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
    let length = header.utf8.count
    bytes +=
      version == 1
      ? [UInt8(length & 0xFF), UInt8(length >> 8)] : (0..<4).map { UInt8((length >> (8 * $0)) & 0xFF) }
    return Data(bytes + Array(header.utf8) + payload)
  }

  /// The values' little-endian bytes.
  static func little<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
  }

  /// An archive `name` in `folder` holding `entries` (entry name, bytes) in order.
  static func archive(
    in folder: URL, entries: [(String, Data)], name: String = "t.npz", compression: CompressionMethod = .none
  ) throws -> URL {
    let url = folder.appendingPathComponent(name)
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in entries {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return url
  }
}
