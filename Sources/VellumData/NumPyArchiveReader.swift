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
    var arrays: [(name: String, shape: [Int], values: NumPyArray.Values)] = []
    var unpacked: UInt64 = 0
    for entry in archive where entry.type == .file {
      let column = arrays.count + 1
      // numpy (Python's zipfile) flags only non-ASCII names as UTF-8; an ASCII name read as code page 437 would
      // turn a tab or newline into a symbol, so names are read as UTF-8 first.
      let decoded = entry.path(using: .utf8)
      let path = decoded.isEmpty ? entry.path : decoded
      guard path.hasSuffix(".npy") else {
        throw invalid("the archive holds '\(path)', which is not a .npy array", column: column)
      }
      let name = String(path.dropLast(4))
      guard !arrays.contains(where: { $0.name == name }) else {
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
      let (shape, values) = try bytes.withUnsafeBytes { raw -> ([Int], NumPyArray.Values) in
        do {
          let array = try NumPyArray(header: raw)
          try CSVTableReader.checkSize(rows: array.count, columns: column, displayPath: displayPath, line: 1)
          let values = try array.values(raw)
          // A matrix stored column by column is read back row by row.
          guard array.shape.count == 2, array.fortranOrder else { return (array.shape, values) }
          let (rows, columns) = (array.shape[0], array.shape[1])
          let order = (0..<rows).flatMap { row in (0..<columns).map { $0 * rows + row } }
          return (array.shape, values.selecting(order))
        } catch let format as NumPyArray.FormatError {
          throw invalid("array '\(name)' \(format.message)", column: column)
        }
      }
      arrays.append((name, shape, values))
    }
    guard !arrays.isEmpty else { throw invalid("the archive holds no arrays") }
    return try table(arrays, displayPath: displayPath, invalid: invalid)
  }

  /// The table of the archive's arrays: equally long columns side by side; or, when it holds matrices, one row per
  /// matrix cell (`row`, `col` and each matrix's value under its name), each column beside them repeated along the
  /// matrix rows it matches in length (or along its columns: a square matrix's labels give `NAME` per row and
  /// `NAME_col` per column), as a confusion matrix or Stable-Baselines3's `evaluations.npz` is read long.
  private static func table(
    _ arrays: [(name: String, shape: [Int], values: NumPyArray.Values)], displayPath: String,
    invalid: (String, Int) -> VellumError
  ) throws -> Table {
    var names: [String] = []
    var numbers: [String: [Double]] = [:]
    var text: [String: TextColumn] = [:]
    func add(_ name: String, _ values: NumPyArray.Values) {
      names.append(name)
      switch values {
      case .numbers(let column): numbers[name] = column
      case .text(let column): text[name] = column
      }
    }
    let matrices = arrays.enumerated().filter { $0.element.shape.count == 2 }
    guard let (firstIndex, first) = matrices.first else {
      let rowCount = arrays[0].shape[0]
      for (index, array) in arrays.enumerated() {
        guard array.shape[0] == rowCount else {
          throw invalid(
            "array '\(array.name)' has \(array.shape[0]) rows, but '\(arrays[0].name)' has \(rowCount); columns must be "
              + "equally long", index + 1)
        }
        add(array.name, array.values)
      }
      return Self.numbered(
        Table(origin: displayPath, order: names, textColumns: text, numbers: numbers, rowCount: rowCount))
    }
    let (rows, columns) = (first.shape[0], first.shape[1])
    for (index, matrix) in matrices where matrix.shape != first.shape {
      throw invalid(
        "matrix '\(matrix.name)' has shape (\(matrix.shape[0]), \(matrix.shape[1])), but '\(first.name)' has (\(rows), "
          + "\(columns)); matrices read together must match", index + 1)
    }
    for name in ["row", "col"] where arrays.contains(where: { $0.name == name }) {
      throw invalid(
        "the archive holds an array named '\(name)', which its matrices' long rows would name too; rename it",
        firstIndex + 1)
    }
    let cells = rows * columns
    add("row", .numbers((0..<cells).map { Double($0 / max(columns, 1)) }))
    add("col", .numbers((0..<cells).map { Double($0 % max(columns, 1)) }))
    for (index, array) in arrays.enumerated() {
      if array.shape.count == 2 {
        add(array.name, array.values)
        continue
      }
      let length = array.shape[0]
      guard length == rows || length == columns else {
        throw invalid(
          "array '\(array.name)' has \(length) rows, matching neither the \(rows) rows nor the \(columns) columns of "
            + "matrix '\(first.name)'", index + 1)
      }
      if length == rows { add(array.name, array.values.selecting((0..<cells).map { $0 / max(columns, 1) })) }
      if length == columns {
        let name = length == rows ? array.name + "_col" : array.name
        guard !arrays.contains(where: { $0.name == name }) else { continue }
        add(name, array.values.selecting((0..<cells).map { $0 % max(columns, 1) }))
      }
    }
    return Self.numbered(Table(origin: displayPath, order: names, textColumns: text, numbers: numbers, rowCount: cells))
  }

  /// Rows are pointed at by their 1-based number, as a CSV's by line.
  private static func numbered(_ table: Table) -> Table {
    var table = table
    table.rowLines = RowLines(first: 1, count: table.rowCount)
    return table
  }

  /// Thrown from inside ZIPFoundation's extraction when an entry unpacks past its declared size.
  private struct ArchiveTooLarge: Error {}
}
