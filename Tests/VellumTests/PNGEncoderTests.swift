import CVellumZlib
import XCTest

@testable import VellumImage

/// Figures are written as PNG with their rows deflated in bands on every core; the file must hold exactly the
/// rows the one-stream encoder holds, with the zlib stream's checksum right.
final class PNGEncoderTests: XCTestCase {
  /// The IDAT chunks' bytes joined.
  private func idat(_ png: [UInt8]) -> [UInt8] {
    var data: [UInt8] = []
    var offset = 8
    while offset + 8 <= png.count {
      let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
      if type == "IDAT" { data += png[(offset + 8)..<(offset + 8 + length)] }
      offset += 12 + length
    }
    return data
  }

  /// zlib's `uncompress`, which checks the stream's Adler-32.
  private func inflated(_ data: [UInt8], size: Int) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: size + 1)
    var length = uLongf(output.count)
    let status = uncompress(&output, &length, data, uLong(data.count))
    XCTAssertEqual(status, Z_OK)
    return Array(output[0..<Int(length)])
  }

  func testBandsHoldTheSameRowsAsOneStream() throws {
    for (width, height) in [(1, 1), (37, 127), (64, 128), (301, 129), (200, 1000)] {
      let fill: @Sendable (Int, UnsafeMutableBufferPointer<UInt8>) -> Void = { y, out in
        for i in out.indices { out[i] = UInt8(truncatingIfNeeded: (y * 7 + i * 13) % 251 + (i % 17 == 0 ? y : 0)) }
      }
      let one = try PNGEncoder.encode(width: width, height: height, dpi: 300, row: fill)
      let bands = try PNGEncoder.encodeInBands(width: width, height: height, dpi: 300, row: fill)
      let size = (width * 3 + 1) * height
      XCTAssertEqual(try inflated(idat(bands), size: size), try inflated(idat(one), size: size), "\(width)×\(height)")
      XCTAssertEqual(Array(bands[0..<33]), Array(one[0..<33]), "signature and header chunk")
      let again = try PNGEncoder.encodeInBands(width: width, height: height, dpi: 300, row: fill)
      XCTAssertEqual(bands, again, "the same bytes every run")
    }
  }
}
