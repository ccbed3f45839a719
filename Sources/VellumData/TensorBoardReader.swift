import Foundation
import VellumDiagnostics
import VellumSpec

/// Reads TensorBoard event files (`events.out.tfevents.*`) into a long table of scalars: `run` (the folder below
/// the log directory, `.` for files directly in it), `tag`, `step`, `wall_time`, `value`. Files are TFRecord
/// streams (length, masked CRC-32C, payload, masked CRC-32C) of `Event` protocol buffers, decoded here with a
/// small wire-format reader: scalars as `simple_value` (tensorboardX, TF1) or as a one-value tensor (TF2).
enum TensorBoardReader {
  struct Result {
    var table: Table
    var warnings: [VellumWarning]
    /// Each run's hyperparameters as TensorBoard's hparams plugin wrote them (its session start info), by name.
    var hparams: [String: [(name: String, value: String)]] = [:]
  }

  static func read(directory: URL, displayPath: String, declaredAt location: SourceLocation) throws -> Result {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw VellumError(.missingFile, "no TensorBoard log folder '\(displayPath)'", at: location)
    }
    let files = eventFiles(in: directory)
    guard !files.isEmpty else {
      throw VellumError(
        .missingFile, "no event files (events.out.tfevents.*) under '\(displayPath)'", at: location)
    }
    // run (column 0) and tag (column 1) as byte ranges of their few distinct names.
    var names = DistinctTextColumns(columns: 2)
    var steps: [Double] = []
    var times: [Double] = []
    var values: [Double] = []
    var warnings: [VellumWarning] = []
    var hparams: [String: [(name: String, value: String)]] = [:]
    // Values logged as NaN or ±inf (a run that diverged): missing, as a CSV's cannot be numbers, and said once.
    var nonFinite: (count: Int, first: (file: String, step: Int64, value: Double))?
    // About one scalar per 30 bytes of event file: reserving once, for all files, spares the columns' regrowth.
    let totalBytes = files.reduce(0) { total, file in
      total + ((try? file.resourceValues(forKeys: [.fileSizeKey]))?.fileSize ?? 0)
    }
    steps.reserveCapacity(totalBytes / 30)
    times.reserveCapacity(totalBytes / 30)
    values.reserveCapacity(totalBytes / 30)
    names.reserve(totalBytes / 30)
    for file in files {
      let relative = String(file.path.dropFirst(directory.path.count).drop { $0 == "/" })
      let shown = displayPath.hasSuffix("/") ? displayPath + relative : displayPath + "/" + relative
      let folder = (relative as NSString).deletingLastPathComponent
      let run = folder.isEmpty ? "." : folder
      let file = try DataFile.rawBytes(url: file, displayPath: shown, declaredAt: location)
      let runRange = names.range(of: run)
      try file.withUnsafeBufferPointer { bytes in
        var offset = 0
        var record = 0
        var lastTag: (bytes: UnsafeBufferPointer<UInt8>, range: (Int32, Int32))?
        while offset < bytes.count {
          record += 1
          // A record cut short at the end of the file is a run still writing: skip it, and say so.
          guard offset + 12 <= bytes.count else {
            warnings.append(truncated(shown, record: record, location: location))
            break
          }
          let length = Int(truncatingIfNeeded: littleEndian64(bytes, offset))
          guard
            CRC32C.masked(UnsafeBufferPointer(rebasing: bytes[offset..<offset + 8]))
              == littleEndian32(bytes, offset + 8)
          else {
            throw corrupt(shown, record: record, what: "its length's checksum does not match")
          }
          guard length >= 0, length <= bytes.count, offset + 12 + length + 4 <= bytes.count else {
            warnings.append(truncated(shown, record: record, location: location))
            break
          }
          let payload = UnsafeBufferPointer(rebasing: bytes[(offset + 12)..<(offset + 12 + length)])
          guard CRC32C.masked(payload) == littleEndian32(bytes, offset + 12 + length) else {
            throw corrupt(shown, record: record, what: "its data's checksum does not match")
          }
          do {
            // No array per record: each scalar goes straight into the columns.
            try Event.read(payload, hparams: { hparams[run, default: []] += $0 }) { wallTime, step, tag, value in
              names.append(runRange, to: 0)
              // Consecutive records mostly repeat a tag: reuse its range instead of decoding it again.
              if let last = lastTag, last.bytes.elementsEqual(tag) {
                names.append(last.range, to: 1)
              } else {
                let range = names.range(of: String(decoding: tag, as: UTF8.self))
                lastTag = (tag, range)
                names.append(range, to: 1)
              }
              steps.append(Double(step))
              times.append(wallTime)
              if !value.isFinite {
                nonFinite = (
                  (nonFinite?.count ?? 0) + 1, nonFinite?.first ?? (shown, step, value)
                )
              }
              values.append(value.isFinite ? value : .nan)
            }
          } catch {
            throw corrupt(shown, record: record, what: "it is not a valid Event")
          }
          offset += 12 + length + 4
        }
      }
    }
    if let (count, first) = nonFinite {
      warnings.append(
        VellumWarning(
          "\(count) logged value\(count == 1 ? " is" : "s are") NaN or infinite (the first \(first.value) at step "
            + "\(first.step) in \(first.file)); they are read as missing", at: location))
    }
    let columns = names.columns()
    let table = Table(
      origin: displayPath, order: ["run", "tag", "step", "wall_time", "value"],
      textColumns: ["run": columns[0], "tag": columns[1]],
      numbers: ["step": steps, "wall_time": times, "value": values], rowCount: values.count)
    return Result(table: table, warnings: warnings, hparams: hparams)
  }

  /// Event files below `directory`, in sorted path order.
  static func eventFiles(in directory: URL) -> [URL] {
    guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [] }
    var found: [URL] = []
    for case let url as URL in walker where url.lastPathComponent.hasPrefix("events.out.tfevents") {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  private static func truncated(_ file: String, record: Int, location: SourceLocation) -> VellumWarning {
    VellumWarning(
      "record \(record) is cut short at the end of the file (a run still writing?); it is skipped",
      at: SourceLocation(file: file, line: record, column: 1))
  }

  /// A bad record, located as `file:record:1`.
  private static func corrupt(_ file: String, record: Int, what: String) -> VellumError {
    VellumError(
      .invalidData, "event file record \(record) is corrupt: \(what)",
      at: SourceLocation(file: file, line: record, column: 1))
  }

  private static func littleEndian64(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self).littleEndian
  }

  private static func littleEndian32(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
    UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt32.self).littleEndian
  }

  /// The parts of `tensorflow.Event` a scalar plot needs.
  enum Event {
    /// Calls `scalar` with the event's wall time, step, and each scalar's tag bytes (valid while the file's bytes
    /// are) and value; the summary follows the step in the wire format, but either order is read.
    static func read(
      _ bytes: UnsafeBufferPointer<UInt8>, hparams: ([(name: String, value: String)]) -> Void = { _ in },
      scalar: (Double, Int64, UnsafeBufferPointer<UInt8>, Double) -> Void
    ) throws {
      var reader = ProtobufReader(bytes)
      var wallTime = 0.0
      var step: Int64 = 0
      // An event holds one summary; a second is kept aside without allocating for the first.
      var first: UnsafeBufferPointer<UInt8>?
      var more: [UnsafeBufferPointer<UInt8>] = []
      while let (field, wire) = try reader.key() {
        switch (field, wire) {
        case (1, 1): wallTime = Double(bitPattern: try reader.fixed64())
        case (2, 0): step = Int64(bitPattern: try reader.varint())
        case (5, 2):
          let summary = try reader.bytes()
          if first == nil { first = summary } else { more.append(summary) }
        default: try reader.skip(wire)
        }
      }
      for summary in (first.map { [$0] } ?? []) + more {
        try Self.summary(summary, hparams: hparams) { tag, value in scalar(wallTime, step, tag, value) }
      }
    }

    /// `Summary.value` entries holding one number: `simple_value`, or a scalar tensor.
    private static func summary(
      _ bytes: UnsafeBufferPointer<UInt8>, hparams: ([(name: String, value: String)]) -> Void,
      _ found: (UnsafeBufferPointer<UInt8>, Double) -> Void
    ) throws {
      var reader = ProtobufReader(bytes)
      while let (field, wire) = try reader.key() {
        guard field == 1, wire == 2 else {
          try reader.skip(wire)
          continue
        }
        var value = ProtobufReader(try reader.bytes())
        var tag = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var number: Double?
        while let (field, wire) = try value.key() {
          switch (field, wire) {
          case (1, 2): tag = try value.bytes()
          case (2, 5): number = Double(Float(bitPattern: try value.fixed32()))
          case (8, 2): number = try tensorScalar(value.bytes())
          case (9, 2):
            // The hparams plugin's session start info rides in a value's metadata, its tensor empty.
            if let found = try HParams.sessionStart(value.bytes()) {
              hparams(found)
              number = nil
            }
          default: try value.skip(wire)
          }
        }
        if let number { found(tag, number) }
      }
    }

    /// The single value of a scalar `TensorProto` (float, double, int32 or int64; in `*_val` or `tensor_content`);
    /// nil for a tensor of more than one element (a histogram, a vector), which is not a scalar to plot.
    static func tensorScalar(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Double? {
      var reader = ProtobufReader(bytes)
      var dtype: UInt64 = 0
      var content: UnsafeBufferPointer<UInt8>?
      var values: [Double] = []
      var elements: UInt64 = 1
      while let (field, wire) = try reader.key() {
        switch (field, wire) {
        case (1, 0): dtype = try reader.varint()
        case (2, 2): elements = try elementCount(reader.bytes())
        case (4, 2): content = try reader.bytes()
        case (5, 5): values.append(Double(Float(bitPattern: try reader.fixed32())))
        case (5, 2):
          var packed = ProtobufReader(try reader.bytes())
          while !packed.atEnd { values.append(Double(Float(bitPattern: try packed.fixed32()))) }
        case (6, 1): values.append(Double(bitPattern: try reader.fixed64()))
        case (6, 2):
          var packed = ProtobufReader(try reader.bytes())
          while !packed.atEnd { values.append(Double(bitPattern: try packed.fixed64())) }
        case (7, 0), (10, 0): values.append(Double(Int64(bitPattern: try reader.varint())))
        case (7, 2), (10, 2):
          var packed = ProtobufReader(try reader.bytes())
          while !packed.atEnd { values.append(Double(Int64(bitPattern: try packed.varint()))) }
        default: try reader.skip(wire)
        }
      }
      guard elements == 1 else { return nil }
      if !values.isEmpty { return values.count == 1 ? values[0] : nil }
      guard let content else { return nil }
      let raw = [UInt8](content)
      func little<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard raw.count == MemoryLayout<T>.size else { return nil }
        return (0..<MemoryLayout<T>.size).reduce(T(0)) { $0 | T(raw[$1]) << (8 * $1) }
      }
      switch dtype {
      case 1: return little(UInt32.self).map { Double(Float(bitPattern: $0)) }
      case 2: return little(UInt64.self).map { Double(bitPattern: $0) }
      case 3: return little(UInt32.self).map { Double(Int32(bitPattern: $0)) }
      case 9: return little(UInt64.self).map { Double(Int64(bitPattern: $0)) }
      default: return nil
      }
    }

    /// The number of elements a `TensorShapeProto` holds: the product of its dimensions' sizes (1 for a scalar),
    /// saturating rather than overflowing.
    private static func elementCount(_ bytes: UnsafeBufferPointer<UInt8>) throws -> UInt64 {
      var reader = ProtobufReader(bytes)
      var count: UInt64 = 1
      while let (field, wire) = try reader.key() {
        guard field == 2, wire == 2 else {
          try reader.skip(wire)
          continue
        }
        var dim = ProtobufReader(try reader.bytes())
        var size: UInt64 = 1
        while let (field, wire) = try dim.key() {
          if field == 1, wire == 0 { size = try dim.varint() } else { try dim.skip(wire) }
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        count = overflow ? .max : product
      }
      return count
    }
  }
}

/// Protocol-buffer wire format, read from a byte slice: keys, varints, fixed-width numbers, length-delimited
/// bytes. Anything running past the end is an error.
struct ProtobufReader {
  struct Malformed: Error {}

  private let buffer: UnsafeBufferPointer<UInt8>
  private var index: Int

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    buffer = bytes
    index = 0
  }

  var atEnd: Bool { index >= buffer.endIndex }

  /// The next field number and wire type, or nil at the end.
  mutating func key() throws -> (Int, Int)? {
    guard !atEnd else { return nil }
    let key = try varint()
    return (Int(key >> 3), Int(key & 7))
  }

  mutating func varint() throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard index < buffer.endIndex, shift < 64 else { throw Malformed() }
      let byte = buffer[index]
      index += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  mutating func fixed32() throws -> UInt32 {
    guard buffer.endIndex - index >= 4 else { throw Malformed() }
    defer { index += 4 }
    return (0..<4).reduce(0) { $0 | UInt32(buffer[index + $1]) << (8 * UInt32($1)) }
  }

  mutating func fixed64() throws -> UInt64 {
    guard buffer.endIndex - index >= 8 else { throw Malformed() }
    defer { index += 8 }
    return (0..<8).reduce(0) { $0 | UInt64(buffer[index + $1]) << (8 * UInt64($1)) }
  }

  mutating func bytes() throws -> UnsafeBufferPointer<UInt8> {
    let length = try varint()
    guard length <= UInt64(buffer.endIndex - index) else { throw Malformed() }
    defer { index += Int(length) }
    return UnsafeBufferPointer(rebasing: buffer[index..<(index + Int(length))])
  }

  /// Steps over a field of `wire` type.
  mutating func skip(_ wire: Int) throws {
    switch wire {
    case 0: _ = try varint()
    case 1: _ = try fixed64()
    case 2: _ = try bytes()
    case 5: _ = try fixed32()
    default: throw Malformed()
    }
  }
}

/// CRC-32C (Castagnoli), as TFRecord framing checks it, with TensorFlow's mask.
enum CRC32C {
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    return crc
  }

  /// Tables for eight bytes a step (slicing-by-8): the same CRC, several times faster than a byte a step.
  private static let tables: [[UInt32]] = {
    var tables = [table]
    for _ in 1..<8 {
      let previous = tables.last!
      tables.append((0..<256).map { (previous[$0] >> 8) ^ table[Int(previous[$0] & 0xFF)] })
    }
    return tables
  }()

  static func checksum(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBufferPointer(checksum) }

  static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    var index = 0
    let count = bytes.count
    tables.withUnsafeBufferPointer { t in
      let (t0, t1, t2, t3) = (t[0], t[1], t[2], t[3])
      let (t4, t5, t6, t7) = (t[4], t[5], t[6], t[7])
      while count - index >= 8 {
        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self).littleEndian
        let low = UInt32(truncatingIfNeeded: word) ^ crc
        let high = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          t7[Int(low & 0xFF)] ^ t6[Int((low >> 8) & 0xFF)] ^ t5[Int((low >> 16) & 0xFF)] ^ t4[Int(low >> 24)]
          ^ t3[Int(high & 0xFF)] ^ t2[Int((high >> 8) & 0xFF)] ^ t1[Int((high >> 16) & 0xFF)] ^ t0[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = t0[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// TensorFlow's masked CRC: rotated right by 15 bits plus a constant, so CRCs of CRCs do not collide.
  static func masked(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let crc = checksum(bytes)
    return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
