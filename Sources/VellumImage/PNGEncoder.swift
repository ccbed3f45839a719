import CVellumZlib
import Dispatch
import Synchronization
import VellumDiagnostics

/// The one PNG writer: figures, diff images and images embedded in SVG. Filter None and zlib level 1 encode a
/// 300-dpi figure in about a tenth of the time Cairo's writer takes, and smaller (the flat colors of a chart
/// compress well unfiltered). No timestamp or text chunks, so the bytes depend only on the pixels and the dpi.
public enum PNGEncoder {
  /// Pixel layout of the rows handed to ``encode(width:height:channels:dpi:row:)``.
  public enum Channels: Int, Sendable {
    case rgb = 3
    case rgba = 4

    /// PNG's colour type.
    var colorType: UInt8 { self == .rgb ? 2 : 6 }
  }

  /// Writes a PNG whose row `y` the `row` closure fills with `width × channels` bytes; `dpi` nil writes no
  /// pHYs chunk.
  public static func encode(
    width: Int, height: Int, channels: Channels = .rgb, dpi: Double?,
    row fill: (Int, UnsafeMutableBufferPointer<UInt8>) -> Void
  ) throws -> [UInt8] {
    // Deflate streams row by row, so memory stays at one row plus the compressed output.
    let compressed = try deflateRows(
      0..<height, rowBytes: width * channels.rawValue + 1, windowBits: 15, flush: Z_FINISH, fill: fill
    ).bytes
    return file(width: width, height: height, channels: channels, dpi: dpi, idat: compressed)
  }

  /// Rows per band of ``encodeInBands(width:height:channels:dpi:row:)``: fixed, so the bytes do not depend on the
  /// machine's cores.
  static let bandRows = 128

  /// ``encode(width:height:channels:dpi:row:)`` with the rows deflated in bands of ``bandRows`` on every core, as
  /// pigz does: each band a raw deflate stream ending on a byte boundary (a sync flush), the last one final, joined
  /// under one zlib header and the Adler-32 of all rows. `row` is called from several threads at once. The bytes
  /// differ from the one-stream form (no band looks back into the one before) but not between runs or machines.
  public static func encodeInBands(
    width: Int, height: Int, channels: Channels = .rgb, dpi: Double?,
    row fill: @escaping @Sendable (Int, UnsafeMutableBufferPointer<UInt8>) -> Void
  ) throws -> [UInt8] {
    let bands = (height + bandRows - 1) / bandRows
    let results = Mutex<[Int: Result<(bytes: [UInt8], adler: UInt32, length: Int), any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: bands) { band in
      let rows = (band * bandRows)..<min(height, (band + 1) * bandRows)
      let result = Result {
        try deflateRows(
          rows, rowBytes: width * channels.rawValue + 1, windowBits: -15,
          flush: band == bands - 1 ? Z_FINISH : Z_SYNC_FLUSH, fill: fill)
      }
      results.withLock { $0[band] = result }
    }
    let parts = try results.withLock { done in try (0..<bands).map { try done[$0]!.get() } }
    var idat: [UInt8] = [0x78, 0x01]  // zlib header: deflate, 32 KB window, fastest level
    var adler = UInt32(adler32(0, nil, 0))
    for part in parts {
      idat += part.bytes
      adler = UInt32(adler32_combine(uLong(adler), uLong(part.adler), off_t(part.length)))
    }
    idat += bigEndian(adler)
    return file(width: width, height: height, channels: channels, dpi: dpi, idat: idat)
  }

  /// Rows (each a filter byte and the pixels `fill` writes) deflated at level 1: a zlib stream (`windowBits` 15)
  /// or raw deflate (−15) ending with `flush`, with the rows' Adler-32 and length.
  private static func deflateRows(
    _ rows: Range<Int>, rowBytes: Int, windowBits: Int32, flush final: Int32,
    fill: (Int, UnsafeMutableBufferPointer<UInt8>) -> Void
  ) throws -> (bytes: [UInt8], adler: UInt32, length: Int) {
    var stream = z_stream()
    try ZlibBoundary.check(
      deflateInit2_(
        &stream, 1, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)),
      "cannot start PNG compression")
    defer { deflateEnd(&stream) }
    var compressed: [UInt8] = []
    compressed.reserveCapacity(rowBytes * rows.count / 8)
    var row = [UInt8](repeating: 0, count: rowBytes)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var adler = UInt32(adler32(0, nil, 0))
    func pump(_ flush: Int32) throws {
      repeat {
        let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
          stream.next_out = out.baseAddress
          stream.avail_out = uInt(out.count)
          return deflate(&stream, flush)
        }
        try ZlibBoundary.check(status, "PNG compression failed", accepted: [Z_OK, Z_STREAM_END, Z_BUF_ERROR])
        compressed += buffer[0..<(buffer.count - Int(stream.avail_out))]
      } while stream.avail_out == 0
    }
    for y in rows {
      row.withUnsafeMutableBufferPointer { out in
        out[0] = 0  // filter: None
        fill(y, UnsafeMutableBufferPointer(rebasing: out[1...]))
      }
      try row.withUnsafeMutableBufferPointer { input in
        // A raw band needs its rows' checksum for the joined stream; a zlib stream keeps its own.
        if windowBits < 0 { adler = UInt32(adler32(uLong(adler), input.baseAddress, uInt(input.count))) }
        stream.next_in = input.baseAddress
        stream.avail_in = uInt(input.count)
        try pump(Z_NO_FLUSH)
      }
    }
    stream.next_in = nil
    stream.avail_in = 0
    try pump(final)
    return (compressed, adler, rowBytes * rows.count)
  }

  /// The PNG file around compressed image data.
  private static func file(width: Int, height: Int, channels: Channels, dpi: Double?, idat compressed: [UInt8])
    -> [UInt8]
  {
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    func chunk(_ type: String, _ body: [UInt8]) {
      let typed = Array(type.utf8) + body
      png += bigEndian(UInt32(body.count)) + typed + bigEndian(checksum(typed))
    }
    // IHDR: 8-bit RGB, deflate, no interlace.
    chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, channels.colorType, 0, 0, 0])
    if let dpi {
      let perMetre = UInt32((dpi / 0.0254).rounded())
      chunk("pHYs", bigEndian(perMetre) + bigEndian(perMetre) + [1])
    }
    chunk("IDAT", compressed)
    chunk("IEND", [])
    return png
  }

  /// The CRC-32 PNG chunks carry, from zlib.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
  }
}

/// The one place zlib reports failure: a status other than the accepted ones becomes a ``VellumError``.
public enum ZlibBoundary {
  public static func check(_ status: Int32, _ what: String, accepted: Set<Int32> = [Z_OK]) throws {
    guard !accepted.contains(status) else { return }
    let message = zError(status).map { String(cString: $0) } ?? "unknown error"
    throw VellumError(.render, what, cause: .library(.zlib, status: status, message: message))
  }
}
