import CSV
import Foundation
import VellumDiagnostics
import VellumSpec

/// Reads a data file's text, with errors located at the spec line that named it.
enum DataFile {
  /// A readable regular file within the size limit, or a located error saying what it is instead.
  static func checkReadable(url: URL, displayPath: String, declaredAt location: SourceLocation) throws {
    // A symbolic link is followed to what it names, which must itself be a regular file.
    let url = url.resolvingSymlinksInPath()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw VellumError(.missingFile, "cannot read data file '\(displayPath)': no such file", at: location)
    }
    guard !isDirectory.boolValue else {
      throw VellumError(.missingFile, "data file '\(displayPath)' is a folder", at: location)
    }
    // Devices and pipes (/dev/zero, a FIFO) never end; only regular files of bounded size are read.
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular else {
      throw VellumError(.missingFile, "data file '\(displayPath)' is not a regular file", at: location)
    }
    if let size = attributes?[.size] as? UInt64, size > Limits.dataFileBytes {
      throw VellumError(
        .invalidData,
        "data file '\(displayPath)' is \(size >> 20) MiB, over the limit of \(Limits.dataFileBytes >> 30) GiB",
        at: location)
    }
  }

  /// The file's bytes, read once into one array (a 200 MB log is not copied through Data and String), without a
  /// leading byte-order mark; checked to be UTF-8.
  static func utf8Bytes(url: URL, displayPath: String, declaredAt location: SourceLocation) throws -> [UInt8] {
    try utf8Text(url: url, displayPath: displayPath, declaredAt: location).bytes
  }

  /// ``utf8Bytes(url:displayPath:declaredAt:)`` and whether the text holds no double quote and no carriage
  /// return (the plain CSV reader's condition), both found as the file was read.
  static func utf8Text(url: URL, displayPath: String, declaredAt location: SourceLocation) throws -> (
    bytes: [UInt8], plain: Bool
  ) {
    var (bytes, scan) = try bytes(url: url, displayPath: displayPath, declaredAt: location, scanning: true)
    var ascii = scan.ascii
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
      ascii = Self.scan(bytes).ascii  // the mark itself is not ASCII
    }
    // ASCII (most logs) is UTF-8; anything else is checked by decoding it.
    if !ascii, String(validating: bytes, as: UTF8.self) == nil {
      throw VellumError(
        .invalidData, "data file is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1))
    }
    return (bytes, scan.plain)
  }

  /// What one look at every byte found: no byte of 0x80 or above, and no double quote or carriage return.
  struct ByteScan {
    var high: UInt64 = 0
    var quoteOrReturn: UInt64 = 0
    var ascii: Bool { high & 0x8080_8080_8080_8080 == 0 }
    var plain: Bool { quoteOrReturn == 0 }

    /// Adds `count` bytes at `start`, eight at a time.
    mutating func add(_ start: UnsafePointer<UInt8>, count: Int) {
      let raw = UnsafeRawPointer(start)
      var high: UInt64 = 0
      var found: UInt64 = 0
      for word in 0..<count / 8 {
        let value = raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
        high |= value
        found |= ByteMask.equal(value, UInt8(ascii: "\"")) | ByteMask.equal(value, UInt8(ascii: "\r"))
      }
      for byte in UnsafeBufferPointer(start: start + count / 8 * 8, count: count % 8) {
        high |= UInt64(byte)
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") { found |= 1 }
      }
      self.high |= high
      quoteOrReturn |= found
    }

    /// What this and `other` found, together.
    mutating func merge(_ other: ByteScan) {
      high |= other.high
      quoteOrReturn |= other.quoteOrReturn
    }
  }

  /// ``ByteScan`` of bytes already read (text given as a string, a file after its byte-order mark), on every core.
  static func scan(_ bytes: [UInt8]) -> ByteScan {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return ByteScan() }
      nonisolated(unsafe) let start = base
      let parts = ParallelChunks.map(ParallelChunks.ranges(count: buffer.count, minimumPerChunk: 1 << 20)) {
        _, range in
        var scan = ByteScan()
        scan.add(start + range.lowerBound, count: range.count)
        return scan
      }
      return parts.reduce(into: ByteScan()) { $0.merge($1) }
    }
  }

  /// The file's bytes as they are (binary files such as TensorBoard's), after the same checks.
  static func rawBytes(url: URL, displayPath: String, declaredAt location: SourceLocation) throws -> [UInt8] {
    try bytes(url: url, displayPath: displayPath, declaredAt: location, scanning: false).bytes
  }

  /// The file's bytes and, `scanning`, what ``ByteScan`` found in them.
  private static func bytes(url: URL, displayPath: String, declaredAt location: SourceLocation, scanning: Bool)
    throws -> (bytes: [UInt8], scan: ByteScan)
  {
    try checkReadable(url: url, displayPath: displayPath, declaredAt: location)
    let url = url.resolvingSymlinksInPath()
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    let size = Int((attributes?[.size] as? UInt64) ?? 0)
    // Straight from the file into the array's storage: no Data chunks copied in between.
    let descriptor = open(url.path, O_RDONLY)
    guard descriptor >= 0 else {
      throw VellumError(
        .missingFile, "cannot read data file '\(displayPath)'", at: location, cause: .system(errno: errno))
    }
    defer { close(descriptor) }
    // The array's storage is written by pread(2) only: no pass zeroing it first. A big file is read in one part per
    // core at once: most of a read's time is the kernel clearing fresh pages and copying into them, which then runs
    // on every core. Each megabyte read is scanned at once, while it is still in the cache: a later pass over the
    // whole file would read it from memory again.
    var scan = ByteScan()
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { storage, initialized in
      guard let base = storage.baseAddress else { return }
      nonisolated(unsafe) let start = base
      let parts = ParallelChunks.ranges(count: size, minimumPerChunk: 4 << 20)
      let filled = ParallelChunks.map(parts) { _, part in
        var filled = 0
        var scan = ByteScan()
        while filled < part.count {
          let offset = part.lowerBound + filled
          let count = pread(descriptor, start + offset, min(part.count - filled, 1 << 20), off_t(offset))
          if count < 0 && errno == EINTR { continue }
          guard count > 0 else { break }
          if scanning { scan.add(start + offset, count: count) }
          filled += count
        }
        return (filled, scan)
      }
      // A file that shrank while being read keeps what was read up to the first short part; one that grew is read
      // to its size at the start. A part past a short one was scanned but is not kept: it can only make the scan
      // more cautious (a slower reader, a UTF-8 check), never skip a byte that is kept.
      var total = 0
      for (part, (count, partScan)) in zip(parts, filled) {
        total += count
        scan.merge(partScan)
        if count < part.count { break }
      }
      initialized = total
    }
    return (bytes, scan)
  }
}

/// Reads CSV and TSV text (header row required; quoting and CRLF as RFC 4180) into ``Table``s with CSV.swift.
enum CSVTableReader {
  static func read(_ text: String, displayPath: String, delimiter: UnicodeScalar) throws -> Table {
    try read(bytes: Array(text.utf8), displayPath: displayPath, delimiter: delimiter)
  }

  /// `plain`: whether the text is known to hold no double quote and no carriage return (nil: look).
  static func read(bytes: [UInt8], displayPath: String, delimiter: UnicodeScalar, plain: Bool? = nil) throws -> Table {
    // Files without quotes or carriage returns (most exported logs) split on bytes directly, several times
    // faster than the general reader; anything else takes CSV.swift's RFC 4180 path.
    if plain != false, let table = try plainTable(bytes, displayPath: displayPath, delimiter: delimiter, plain: plain) {
      return table
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    let reader: CSVReader
    do {
      reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
    } catch {
      throw VellumError(.invalidData, "malformed CSV: \(error)", at: start)
    }
    let header = try columnNames(reader.headerRow, displayPath: displayPath)
    var rows = Rows(names: header.names, displayPath: displayPath)
    var line = 1
    // The next row's first line: a row whose quoted fields hold line breaks spans several lines.
    var next = 2
    while let row = reader.next() {
      line = next
      next +=
        1 + row.reduce(0) { count, cell in count + cell.filter { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.count }
      if row.count == 1 && row[0].isEmpty { continue }  // blank line
      try rows.append(row, line: line)
    }
    if let error = reader.error {
      throw VellumError(
        .invalidData, "malformed CSV: \(error)", at: SourceLocation(file: displayPath, line: line + 1, column: 1))
    }
    var table = rows.table
    table.headerRenames = header.renamed
    return table
  }

  /// Rows accepted into columns as both readers accept them: as many fields as the header, at most
  /// ``Limits/rows`` rows and ``Limits/cells`` cells, each remembering its file line for errors. Cells are kept
  /// as byte ranges of one buffer (eight bytes a cell besides its text), as the fast path keeps them.
  private struct Rows {
    let names: [String]
    let displayPath: String
    private var bytes: [UInt8] = []
    private var starts: [[Int32]]
    private var ends: [[Int32]]
    private var lines = RowLines()

    init(names: [String], displayPath: String) {
      self.names = names
      self.displayPath = displayPath
      starts = [[Int32]](repeating: [], count: names.count)
      ends = starts
    }

    mutating func append(_ cells: [String], line: Int) throws {
      guard cells.count == names.count else {
        throw VellumError(
          .invalidData, "expected \(names.count) fields as in the header, found \(cells.count)",
          at: SourceLocation(file: displayPath, line: line, column: 1))
      }
      try CSVTableReader.checkSize(rows: lines.count + 1, columns: names.count, displayPath: displayPath, line: line)
      for (index, cell) in cells.enumerated() {
        starts[index].append(Int32(bytes.count))
        bytes += cell.utf8
        ends[index].append(Int32(bytes.count))
      }
      lines.append(line)
    }

    var table: Table {
      let buffer = TextColumn.Buffer(bytes)
      return Table(
        origin: displayPath, columnNames: names,
        columns: zip(starts, ends).map { TextColumn(buffer: buffer, starts: $0, ends: $1) }, rowLines: lines)
    }
  }

  /// Refuses a row past ``Limits/rows`` or a cell past ``Limits/cells``, at the row that crosses the limit.
  static func checkSize(rows: Int, columns: Int, displayPath: String, line: Int) throws {
    guard rows <= Limits.rows else {
      throw VellumError(
        .invalidData, "the file has more than \(Limits.rows) rows",
        at: SourceLocation(file: displayPath, line: line, column: 1))
    }
    guard rows * columns <= Limits.cells else {
      throw VellumError(
        .invalidData,
        "the file has more than \(Limits.cells / 1_000_000) million cells (\(columns) columns × \(rows) rows)",
        at: SourceLocation(file: displayPath, line: line, column: 1))
    }
  }
}

extension CSVTableReader {
  /// The header's column names, trimmed and made unique as pandas' `read_csv` makes them: an empty name becomes
  /// `Unnamed: N` (N its 0-based column), a repeated one `name.1`, `name.2`…; `renamed` says what changed, for a
  /// warning. A missing header is an error at the file's start.
  fileprivate static func columnNames(_ header: [String]?, displayPath: String) throws -> (
    names: [String], renamed: [String]
  ) {
    let start = SourceLocation(file: displayPath, line: 1, column: 1)
    guard let header, !header.isEmpty, !(header.count == 1 && header[0].isEmpty) else {
      throw VellumError(.invalidData, "the file has no header row", at: start)
    }
    var names = header.map { $0.trimmingCharacters(in: .whitespaces) }
    var renamed: [String] = []
    for index in names.indices where names[index].isEmpty {
      names[index] = "Unnamed: \(index)"
      renamed.append("column \(index + 1) (no name) as '\(names[index])'")
    }
    // pandas' C reader (`parsers.pyx`): a repeat takes `name.n` for the first n not used by another column of the
    // header (as it stands) nor made before.
    var counts: [String: Int] = [:]
    for index in names.indices {
      let original = names[index]
      var name = original
      var count = counts[name, default: 0]
      if count > 0 {
        while count > 0 {
          counts[original] = count + 1
          name = "\(original).\(count)"
          count = names.contains(name) ? count + 1 : counts[name, default: 0]
        }
        names[index] = name
        renamed.append("column \(index + 1) ('\(original)' again) as '\(name)'")
      }
      counts[name] = count + 1
    }
    return (names, renamed)
  }

  /// The table of quote-free, CR-free text, read as the general reader would; nil for any other text. Rows are
  /// found on every core (``CSVFields``) and cells stay where they are in the file: no string, and no range, is
  /// made per cell unless a cell is wanted.
  fileprivate static func plainTable(_ file: [UInt8], displayPath: String, delimiter: UnicodeScalar, plain: Bool?)
    throws -> Table?
  {
    guard delimiter.isASCII, file.count < Int(Int32.max) else { return nil }
    let separator = UInt8(delimiter.value)
    guard plain ?? DataFile.scan(file).plain else { return nil }
    // The header is line 1, to its newline (a blank first line is no header).
    let headerEnd = file.firstIndex(of: UInt8(ascii: "\n")) ?? file.count
    var cells: [String] = []
    var fieldStart = 0
    for position in 0..<headerEnd where file[position] == separator {
      cells.append(String(decoding: file[fieldStart..<position], as: UTF8.self))
      fieldStart = position + 1
    }
    cells.append(String(decoding: file[fieldStart..<headerEnd], as: UTF8.self))
    let header = try columnNames(headerEnd == 0 ? nil : cells, displayPath: displayPath)
    let buffer = TextColumn.Buffer(file)
    let (rows, lines) = try CSVFields.index(
      buffer, bodyStart: min(headerEnd + 1, file.count), firstLine: 2, fields: header.names.count,
      separator: separator, displayPath: displayPath)
    var table = Table(
      origin: displayPath, columnNames: header.names,
      columns: header.names.indices.map { TextColumn(rows, field: $0) }, rowLines: lines)
    table.headerRenames = header.renamed
    return table
  }
}
