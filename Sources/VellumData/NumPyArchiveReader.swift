import Foundation
import VellumDiagnostics
import VellumSpec
import ZIPFoundation

/// Reads a NumPy `.npz` archive (`np.savez`, or `np.savez_compressed`) as a table: each one-dimensional array is a
/// column named by its entry without `.npy`, in the archive's order. Numbers arrive as numbers, with no text to
/// parse, so a DataFrame handed over by the Python package skips a CSV round trip.
///
/// A cell is pointed at as `file:ROW:COLUMN` (the 1-based row of the arrays and the array's position), as a CSV
/// cell is by line and field.
enum NumPyArchiveReader {
  static func read(url: URL, displayPath: String, declaredAt location: SourceLocation) throws -> Table {
    try DataFile.checkReadable(url: url, displayPath: displayPath, declaredAt: location)
    func invalid(_ message: String, column: Int = 1) -> VellumError {
      VellumError(.invalidData, message, at: SourceLocation(file: displayPath, line: 1, column: column))
    }
    let archive: Archive
    do {
      archive = try Archive(url: url.resolvingSymlinksInPath(), accessMode: .read)
    } catch {
      throw VellumError(
        .invalidData, "data file '\(displayPath)' is not a NumPy .npz archive (not a ZIP file)", at: location)
    }
    var names: [String] = []
    var numbers: [String: [Double]] = [:]
    var text: [String: TextColumn] = [:]
    var rowCount: Int?
    var unpacked: UInt64 = 0
    for entry in archive where entry.type == .file {
      let column = names.count + 1
      // numpy (Python's zipfile) flags only non-ASCII names as UTF-8; an ASCII name read as code page 437 would
      // turn a tab or newline into a symbol, so names are read as UTF-8 first.
      let decoded = entry.path(using: .utf8)
      let path = decoded.isEmpty ? entry.path : decoded
      guard path.hasSuffix(".npy") else {
        throw invalid("the archive holds '\(path)', which is not a .npy array", column: column)
      }
      let name = String(path.dropLast(4))
      guard numbers[name] == nil, text[name] == nil else {
        throw invalid("the archive holds two arrays named '\(name)'", column: column)
      }
      // Compressed entries are unpacked in memory: their declared sizes are bounded like a file's size, and no
      // entry may unpack to more than it declares (a ZIP bomb stops at the first extra byte).
      guard entry.uncompressedSize <= Limits.dataFileBytes - unpacked else {
        throw invalid(
          "the archive unpacks to more than the data file limit of \(Limits.dataFileBytes >> 30) GiB", column: column)
      }
      unpacked += entry.uncompressedSize
      let declared = Int(entry.uncompressedSize)
      // Reserved up to 64 MiB: a small damaged file that declares gigabytes reserves no more than that.
      var bytes = Data(capacity: min(declared, 1 << 26))
      let checksum: CRC32
      do {
        checksum = try archive.extract(entry, bufferSize: 1 << 20) { chunk in
          guard bytes.count + chunk.count <= declared else { throw ArchiveTooLarge() }
          bytes.append(chunk)
        }
      } catch {
        throw invalid(
          "array '\(name)' cannot be unpacked: the archive is damaged or unpacks to more than it says", column: column)
      }
      guard checksum == entry.checksum, bytes.count == declared else {
        throw invalid("array '\(name)' is damaged (its checksum or size does not match)", column: column)
      }
      let values = try bytes.withUnsafeBytes { raw -> NumPyArray.Values in
        do {
          let array = try NumPyArray(header: raw)
          if let rowCount, array.count != rowCount {
            throw invalid(
              "array '\(name)' has \(array.count) rows, but '\(names[0])' has \(rowCount); columns must be equally long",
              column: column)
          }
          try CSVTableReader.checkSize(rows: array.count, columns: column, displayPath: displayPath, line: 1)
          rowCount = array.count
          return try array.values(raw)
        } catch let format as NumPyArray.FormatError {
          throw invalid("array '\(name)' \(format.message)", column: column)
        }
      }
      names.append(name)
      switch values {
      case .numbers(let column): numbers[name] = column
      case .text(let column): text[name] = column
      }
    }
    guard let rowCount else { throw invalid("the archive holds no arrays") }
    var table = Table(origin: displayPath, order: names, textColumns: text, numbers: numbers, rowCount: rowCount)
    table.rowLines = (0..<rowCount).map { $0 + 1 }
    return table
  }

  /// Thrown from inside ZIPFoundation's extraction when an entry unpacks past its declared size.
  private struct ArchiveTooLarge: Error {}
}
