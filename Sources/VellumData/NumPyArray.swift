import Foundation

/// One array in NumPy's `.npy` format (a magic string, a Python-literal header naming the element type and shape,
/// then the elements), decoded to a column: numbers for bool, integer and float types, text for fixed-width
/// unicode (`<U`) and byte (`|S`) strings.
///
/// Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
struct NumPyArray {
  /// A column's values: numbers, or cells of text as UTF-8 byte ranges into one buffer.
  enum Values {
    case numbers([Double])
    case text(TextColumn)

    /// The values at `indices`, in that order (a matrix's cells read long, a column repeated along them).
    func selecting(_ indices: [Int]) -> Values {
      switch self {
      case .numbers(let values): return .numbers(indices.map { values[$0] })
      case .text(let column): return .text(column.selecting(indices))
      }
    }
  }

  /// Why an array could not be read, said of the array (the archive reader adds which one).
  struct FormatError: Error {
    var message: String
  }

  /// The element type a header's `descr` names.
  enum Element {
    case bool
    case signed(bytes: Int)
    case unsigned(bytes: Int)
    case float(bytes: Int)
    /// UTF-32 code points, `characters` per cell, padded with zeros.
    case unicode(characters: Int)
    /// Bytes (read as UTF-8), `bytes` per cell, padded with zeros.
    case bytes(bytes: Int)

    var size: Int {
      switch self {
      case .bool: return 1
      case .signed(let bytes), .unsigned(let bytes), .float(let bytes), .bytes(let bytes): return bytes
      case .unicode(let characters): return characters * 4
      }
    }
  }

  var element: Element
  var bigEndian: Bool
  /// Elements in all: the product of `shape`.
  var count: Int
  /// One length (a column) or two (a matrix: rows, columns).
  var shape: [Int]
  /// A matrix stored column by column (Fortran order) rather than row by row.
  var fortranOrder: Bool
  /// Where the elements start in the array's bytes.
  var dataOffset: Int

  /// The header of `bytes` (a whole `.npy` file): element type, byte order and length, checked against the size.
  init(header bytes: UnsafeRawBufferPointer) throws {
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw FormatError(message: "is not a NumPy array (.npy magic string missing)")
    }
    let major = bytes[6]
    let headerLength: Int
    let headerStart: Int
    switch major {
    case 1:
      headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
      headerStart = 10
    case 2, 3:
      guard bytes.count >= 12 else { throw FormatError(message: "ends inside its header") }
      headerLength = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
      headerStart = 12
    default:
      throw FormatError(message: "uses .npy format version \(major), which is not read (versions 1 to 3 are)")
    }
    guard headerStart + headerLength <= bytes.count else { throw FormatError(message: "ends inside its header") }
    let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
    let fields = try Self.fields(of: header)
    guard let descr = fields["descr"], descr.hasPrefix("'") || descr.hasPrefix("\"") else {
      throw FormatError(
        message: "has a structured or missing element type (\(fields["descr"] ?? "none")); save one array per column")
    }
    let type = String(descr.dropFirst().dropLast())
    (element, bigEndian) = try Self.element(type)
    guard fields["fortran_order"] == "False" || fields["fortran_order"] == "True" else {
      throw FormatError(message: "has no fortran_order in its header")
    }
    fortranOrder = fields["fortran_order"] == "True"
    guard let written = fields["shape"] else { throw FormatError(message: "has no shape in its header") }
    let dimensions = written.dropFirst().dropLast().split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let lengths = dimensions.compactMap { Int($0) }.filter { $0 >= 0 }
    guard written.hasPrefix("("), written.hasSuffix(")"), lengths.count == dimensions.count,
      (1...2).contains(lengths.count)
    else {
      throw FormatError(
        message: "has shape \(written); a column must be one-dimensional, as (n,), or a matrix (n, m), which becomes "
          + "long rows")
    }
    let (count, tooMany) =
      lengths.count == 2 ? lengths[0].multipliedReportingOverflow(by: lengths[1]) : (lengths[0], false)
    guard !tooMany else { throw FormatError(message: "has shape \(written), more elements than can be counted") }
    shape = lengths
    self.count = count
    dataOffset = headerStart + headerLength
    let (needed, overflow) = count.multipliedReportingOverflow(by: element.size)
    guard !overflow, needed <= bytes.count - dataOffset else {
      throw FormatError(message: "holds fewer bytes than its \(count) elements of \(type) need")
    }
  }

  /// The header's `key: value` pairs, values as written (`'<f8'`, `False`, `(3,)`).
  static func fields(of header: String) throws -> [String: String] {
    var text = Substring(header.trimmingCharacters(in: .whitespacesAndNewlines))
    guard text.hasPrefix("{"), text.hasSuffix("}") else {
      throw FormatError(message: "has a header that is not a dictionary")
    }
    text = text.dropFirst().dropLast()
    var fields: [String: String] = [:]
    while let quote = text.first(where: { $0 == "'" || $0 == "\"" }) {
      // A key is a quoted name; its value runs to the next comma outside quotes and parentheses.
      text = text.drop { $0 != quote }.dropFirst()
      let key = String(text.prefix { $0 != quote })
      text = text.drop { $0 != quote }.dropFirst().drop { $0 == " " }
      guard text.first == ":" else { throw FormatError(message: "has a malformed header near '\(key)'") }
      text = text.dropFirst().drop { $0 == " " }
      var depth = 0
      var quoted: Character?
      var end = text.startIndex
      while end < text.endIndex {
        let character = text[end]
        if let open = quoted {
          if character == open { quoted = nil }
        } else if character == "'" || character == "\"" {
          quoted = character
        } else if character == "(" || character == "[" {
          depth += 1
        } else if character == ")" || character == "]" {
          depth -= 1
        } else if character == ",", depth == 0 {
          break
        }
        end = text.index(after: end)
      }
      fields[key] = text[..<end].trimmingCharacters(in: .whitespaces)
      text = text[end...].dropFirst()
    }
    return fields
  }

  /// The element type and byte order of a `descr` such as `<f8`, `|b1` or `<U12`.
  static func element(_ type: String) throws -> (Element, bigEndian: Bool) {
    var rest = Substring(type)
    var bigEndian = false
    if let order = rest.first, "<>|=".contains(order) {
      bigEndian = order == ">"
      rest = rest.dropFirst()
    }
    // Sizes beyond 2^24 (a 64 MiB string cell) are damage, and would overflow byte counts.
    guard let kind = rest.first, let size = Int(rest.dropFirst()), size > 0, size <= 1 << 24 else {
      throw unsupported(type)
    }
    switch (kind, size) {
    case ("b", 1): return (.bool, bigEndian)
    case ("i", 1), ("i", 2), ("i", 4), ("i", 8): return (.signed(bytes: size), bigEndian)
    case ("u", 1), ("u", 2), ("u", 4), ("u", 8): return (.unsigned(bytes: size), bigEndian)
    case ("f", 2), ("f", 4), ("f", 8): return (.float(bytes: size), bigEndian)
    case ("U", _): return (.unicode(characters: size), bigEndian)
    case ("S", _): return (.bytes(bytes: size), bigEndian)
    default: throw unsupported(type)
    }
  }

  static func unsupported(_ type: String) -> FormatError {
    let hint =
      type.contains("O")
      ? "object arrays are pickled Python objects; save strings with .astype(str)"
      : type.contains("M") || type.contains("m")
        ? "convert dates to numbers or strings first" : "use bool, integer, float16/32/64 or str arrays"
    return FormatError(message: "has element type '\(type)', which Vellum does not read; \(hint)")
  }

  /// The elements of `bytes` (the whole `.npy` file whose header this is) as a column. A float that is NaN is a
  /// missing value, as an empty CSV cell is.
  func values(_ bytes: UnsafeRawBufferPointer) throws -> Values {
    let data = UnsafeRawBufferPointer(rebasing: bytes[dataOffset..<dataOffset + count * element.size])
    func integer<T: FixedWidthInteger>(_: T.Type) -> [Double] {
      (0..<count).map { Double(load(data, at: $0 * MemoryLayout<T>.size, as: T.self)) }
    }
    switch element {
    case .bool: return .numbers(data.map { $0 == 0 ? 0 : 1 })
    case .signed(1): return .numbers(integer(Int8.self))
    case .signed(2): return .numbers(integer(Int16.self))
    case .signed(4): return .numbers(integer(Int32.self))
    case .signed: return .numbers(integer(Int64.self))
    case .unsigned(1): return .numbers(integer(UInt8.self))
    case .unsigned(2): return .numbers(integer(UInt16.self))
    case .unsigned(4): return .numbers(integer(UInt32.self))
    case .unsigned: return .numbers(integer(UInt64.self))
    case .float(2):
      return finite((0..<count).map { Double(Float16(bitPattern: load(data, at: $0 * 2, as: UInt16.self))) })
    case .float(4):
      return finite((0..<count).map { Double(Float(bitPattern: load(data, at: $0 * 4, as: UInt32.self))) })
    case .float:
      return finite((0..<count).map { Double(bitPattern: load(data, at: $0 * 8, as: UInt64.self)) })
    case .unicode(let characters): return .text(try unicodeCells(data, characters: characters))
    case .bytes(let width): return .text(try byteCells(data, width: width))
    }
  }

  /// The integer of `T`'s size at byte `offset` of `data`, in the array's byte order.
  private func load<T: FixedWidthInteger>(_ data: UnsafeRawBufferPointer, at offset: Int, as _: T.Type) -> T {
    let raw = data.loadUnaligned(fromByteOffset: offset, as: T.self)
    return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
  }

  /// Numbers, unless one is infinite: then the column is kept as text (`inf`), so it is refused where it is used
  /// as numbers, at the cell, as a CSV cell `inf` is, and not when it is only read.
  private func finite(_ values: [Double]) -> Values {
    guard values.contains(where: \.isInfinite) else { return .numbers(values) }
    return .text(TextColumn(values.map(Table.format)))
  }

  /// UTF-32 cells (trailing zeros are padding, as NumPy reads them) transcoded to UTF-8 in one buffer.
  private func unicodeCells(_ data: UnsafeRawBufferPointer, characters: Int) throws -> TextColumn {
    var buffer: [UInt8] = []
    var starts: [Int32] = []
    var ends: [Int32] = []
    starts.reserveCapacity(count)
    ends.reserveCapacity(count)
    for row in 0..<count {
      var length = characters
      func scalar(_ index: Int) -> UInt32 { load(data, at: (row * characters + index) * 4, as: UInt32.self) }
      while length > 0 && scalar(length - 1) == 0 { length -= 1 }
      starts.append(Int32(buffer.count))
      for index in 0..<length {
        guard let value = Unicode.Scalar(scalar(index)) else {
          throw FormatError(message: "holds an invalid code point \(scalar(index)) in row \(row + 1)")
        }
        buffer.append(contentsOf: UTF8.encode(value)!)
      }
      guard buffer.count < Int(Int32.max) else {
        throw FormatError(message: "holds more than 2 GiB of text")
      }
      ends.append(Int32(buffer.count))
    }
    return TextColumn(buffer: TextColumn.Buffer(buffer), starts: starts, ends: ends)
  }

  /// Byte-string cells (trailing zeros are padding), which must be UTF-8.
  private func byteCells(_ data: UnsafeRawBufferPointer, width: Int) throws -> TextColumn {
    var starts: [Int32] = []
    var ends: [Int32] = []
    starts.reserveCapacity(count)
    ends.reserveCapacity(count)
    guard count * width < Int(Int32.max) else { throw FormatError(message: "holds more than 2 GiB of text") }
    for row in 0..<count {
      var end = (row + 1) * width
      while end > row * width && data[end - 1] == 0 { end -= 1 }
      guard String(validating: data[row * width..<end], as: UTF8.self) != nil else {
        throw FormatError(message: "holds bytes that are not UTF-8 in row \(row + 1)")
      }
      starts.append(Int32(row * width))
      ends.append(Int32(end))
    }
    return TextColumn(buffer: TextColumn.Buffer(Array(data)), starts: starts, ends: ends)
  }
}
