import Foundation
import VellumDiagnostics
import VellumTestSupport
import XCTest

@testable import VellumData
@testable import VellumSpec

/// TensorBoard event files (Tests/Fixtures/tensorboard, from scripts/make_tensorboard_fixtures.py): tensorboardX
/// and TF2 scalars, CRC-checked TFRecord framing, a corrupt record and a run still writing.
final class TensorBoardReaderTests: XCTestCase {
  private let fixtures = PackagePaths.root.appendingPathComponent("Tests/Fixtures/tensorboard")
  private let declared = SourceLocation(file: "figure.yaml", line: 3, column: 7)

  func testCRC32CMatchesTheCastagnoliCheckValue() {
    XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
  }

  func testScalarsOfEveryRunInOneLongTable() throws {
    let result = try TensorBoardReader.read(
      directory: fixtures.appendingPathComponent("good"), displayPath: "good", declaredAt: declared)
    XCTAssertEqual(result.warnings, [])
    let table = result.table
    XCTAssertEqual(table.columnNames, ["run", "tag", "step", "wall_time", "value"])
    XCTAssertEqual(try table.strings(Located("run", at: nil)), ["tbx", "tbx", "tbx", "tf2", "tf2", "tf2"])
    XCTAssertEqual(try table.strings(Located("tag", at: nil)), Array(repeating: "loss", count: 6))
    XCTAssertEqual(try table.numbers(Located("step", at: nil)), [0, 1, 2, 0, 5, 10])
    // simple_value (tensorboardX), a float tensor (TF2) and a double in tensor_content.
    XCTAssertEqual(try table.numbers(Located("value", at: nil)), [1.5, 1.25, 1.0, 2.5, 2.0, 1.75])
    XCTAssertEqual(try table.numbers(Located("wall_time", at: nil)), [100, 101, 102, 200, 205, 210])
  }

  func testCorruptRecordIsALocatedErrorAndATruncatedOneAWarning() throws {
    XCTAssertThrowsError(
      try TensorBoardReader.read(
        directory: fixtures.appendingPathComponent("corrupt"), displayPath: "corrupt", declaredAt: declared)
    ) { error in
      XCTAssertEqual(
        "\(error)",
        "corrupt/run/events.out.tfevents.1.host.1.0:4:1: error: event file record 4 is corrupt: its data's checksum "
          + "does not match")
    }
    let result = try TensorBoardReader.read(
      directory: fixtures.appendingPathComponent("truncated"), displayPath: "truncated", declaredAt: declared)
    XCTAssertEqual(result.table.rowCount, 2, "the complete records before the cut")
    XCTAssertEqual(result.warnings.count, 1)
    XCTAssertTrue(result.warnings[0].description.contains("record 4 is cut short"), result.warnings[0].description)
    XCTAssertThrowsError(
      try TensorBoardReader.read(
        directory: fixtures.appendingPathComponent("none"), displayPath: "none", declaredAt: declared)
    ) { error in
      XCTAssertEqual("\(error)", "figure.yaml:3:7: error: no TensorBoard log folder 'none'")
    }
  }
}
