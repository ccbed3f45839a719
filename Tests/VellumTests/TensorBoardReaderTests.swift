import Foundation
import Vellum
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

  /// A run that diverged logs NaN and ±inf: read as missing (a CSV cell `inf` cannot be a number, so `vellum data`
  /// must not write one), with one warning; they used to vanish from the plot without a word.
  func testNonFiniteScalarsAreMissingAndSaidOnce() throws {
    func varint(_ value: UInt64) -> [UInt8] {
      var (value, bytes) = (value, [UInt8]())
      while value >= 0x80 {
        bytes.append(UInt8(value & 0x7F) | 0x80)
        value >>= 7
      }
      return bytes + [UInt8(value)]
    }
    func field(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
      varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload
    }
    func little<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    func record(step: UInt64, value: Float) -> [UInt8] {
      let summaryValue = field(1, Array("loss".utf8)) + [0x15] + little(value.bitPattern)
      let event = [0x09] + little(Double(step).bitPattern) + [0x10] + varint(step) + field(5, field(1, summaryValue))
      let length = little(UInt64(event.count))
      func masked(_ bytes: [UInt8]) -> [UInt8] { little(bytes.withUnsafeBufferPointer { CRC32C.masked($0) }) }
      return length + masked(length) + event + masked(event)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-tb-\(UUID().uuidString)/run")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let bytes = [(0, 1.5), (1, Float.nan), (2, Float.infinity), (3, -Float.infinity)].flatMap {
      record(step: UInt64($0.0), value: $0.1)
    }
    try Data(bytes).write(to: folder.appendingPathComponent("events.out.tfevents.1.host"))
    let result = try TensorBoardReader.read(
      directory: folder.deletingLastPathComponent(), displayPath: "logs", declaredAt: declared)
    let values = try result.table.numbers(Located("value", at: nil))
    XCTAssertEqual(values.count, 4)
    XCTAssertEqual(values[0], 1.5)
    XCTAssertTrue(values.dropFirst().allSatisfy(\.isNaN), "\(values)")
    XCTAssertEqual(result.warnings.count, 1)
    XCTAssertTrue(
      result.warnings[0].description.contains("3 logged values are NaN or infinite (the first nan at step 1"),
      result.warnings[0].description)
  }

  /// Only one-element tensors are scalars: a histogram ([k, 3]) or a 3-vector is not read as its first value.
  func testOnlyOneElementTensorsAreScalars() throws {
    func varint(_ value: UInt64) -> [UInt8] {
      var bytes: [UInt8] = []
      var rest = value
      repeat {
        bytes.append(UInt8(rest & 0x7f) | (rest >= 0x80 ? 0x80 : 0))
        rest >>= 7
      } while rest > 0
      return bytes
    }
    func field(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
      varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload
    }
    func floats(_ values: [Float]) -> [UInt8] {
      values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian) { Array($0) } }
    }
    func shape(_ sizes: [UInt64]) -> [UInt8] { field(2, sizes.flatMap { field(2, [0x08] + varint($0)) }) }
    func tensor(_ parts: [UInt8]...) throws -> Double? {
      let bytes = [0x08, 0x01] + parts.joined()  // dtype DT_FLOAT
      return try bytes.withUnsafeBufferPointer { try TensorBoardReader.Event.tensorScalar($0) }
    }
    XCTAssertEqual(try tensor(shape([]), field(5, floats([2.5]))), 2.5, "a scalar in float_val")
    XCTAssertEqual(try tensor(shape([1]), field(4, floats([0.5]))), 0.5, "a one-element tensor_content")
    XCTAssertNil(try tensor(shape([3]), field(5, floats([1, 2, 3]))), "a 3-vector")
    XCTAssertNil(try tensor(shape([2, 3]), field(4, floats([0, 1, 5, 1, 2, 7]))), "a histogram's [k, 3] buckets")
    XCTAssertNil(try tensor(shape([3]), field(5, floats([1]))), "one value broadcast over three elements")
  }

  /// A sweep's parameters from its run folders (`lr=3e-4,seed=0/`): path_pattern's named groups add columns.
  func testRunPathPatternAddsParameterColumns() throws {
    let fixture = try SpecFixture()
    defer { fixture.remove() }
    let examples = PackagePaths.root.appendingPathComponent("Templates/examples/tensorboard-runs")
    let logs = fixture.directory.appendingPathComponent("logs")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    for (seed, lr) in zip(0..<3, ["3e-4", "1e-3", "3e-3"]) {
      try FileManager.default.copyItem(
        at: examples.appendingPathComponent("seed\(seed)"), to: logs.appendingPathComponent("lr=\(lr),seed=\(seed)"))
    }
    let spec = """
      data: {tb: {tensorboard: logs, path_pattern: 'lr=(?<lr>[^,]+),seed=(?<seed>\\d+)'}}
      axes:
        layers: [{line: {data: tb, x: step, y: value, group: seed}}]
      """
    let figure = try Figure(contentsOf: try fixture.write("figure.yaml", spec))
    let table = try XCTUnwrap(try DataLoader.finalTables(figure.spec)[0][0])
    XCTAssertEqual(Array(table.columnNames.suffix(2)), ["lr", "seed"])
    let runs = try table.strings(Located("run", at: nil))
    let lrs = try table.strings(Located("lr", at: nil))
    let seeds = try table.strings(Located("seed", at: nil))
    for (run, (lr, seed)) in zip(runs, zip(lrs, seeds)) { XCTAssertEqual(run, "lr=\(lr),seed=\(seed)") }
    XCTAssertEqual(Set(lrs), ["3e-4", "1e-3", "3e-3"])
    // A run the pattern misses, and a pattern without named groups, are errors at the pattern.
    let missing = errorText {
      let figure = try Figure(
        contentsOf: try fixture.write(
          "miss.yaml", spec.replacingOccurrences(of: "lr=(?<lr>[^,]+)", with: "rate=(?<lr>[^,]+)")))
      _ = try DataLoader.finalTables(figure.spec)
    }
    XCTAssertTrue(missing.contains("miss.yaml:1:"), missing)
    XCTAssertTrue(missing.contains("does not match the run"), missing)
    let unnamed = errorText {
      _ = try Figure(
        contentsOf: try fixture.write(
          "unnamed.yaml",
          spec.replacingOccurrences(of: "?<lr>", with: "")
            .replacingOccurrences(of: "?<seed>", with: "")))
    }
    XCTAssertTrue(unnamed.contains("name the groups"), unnamed)
  }

  /// Hyperparameters written by TensorBoard's own hparams plugin (Tests/Fixtures/tensorboard-hparams, from
  /// scripts/make_hparams_fixture.py) read as TensorBoard's loader reads them back: one column each, every row of
  /// a run holding the run's value.
  func testHParamsBecomeColumnsAsTensorBoardReadsThem() throws {
    let folder = PackagePaths.root.appendingPathComponent("Tests/Fixtures/tensorboard-hparams")
    /// A hyperparameter as TensorBoard read it: a bool, a number or a string.
    enum Expected: Decodable {
      case flag(Bool)
      case number(Double)
      case text(String)
      init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let flag = try? value.decode(Bool.self) {
          self = .flag(flag)
        } else if let number = try? value.decode(Double.self) {
          self = .number(number)
        } else {
          self = .text(try value.decode(String.self))
        }
      }
    }
    let expected = try JSONDecoder().decode(
      [String: [String: Expected]].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    let spec = """
      data: {tb: {tensorboard: '\(folder.path)', hparams: true}}
      axes:
        layers: [{line: {data: tb, x: step, y: value, group: optimizer}}]
      """
    let figure = try Figure(text: spec, name: "f.yaml", directory: folder)
    let table = try XCTUnwrap(try DataLoader.finalTables(figure.spec)[0][0])
    XCTAssertEqual(Set(table.columnNames.dropFirst(5)), ["lr", "optimizer", "layers", "dropout"])
    let runs = try table.strings(Located("run", at: nil))
    XCTAssertEqual(Set(runs), ["run_a", "run_b"])
    XCTAssertEqual(table.rowCount, 6, "the three losses of each run; the hparams record adds no row")
    for name in ["lr", "optimizer", "layers", "dropout"] {
      let cells = try table.strings(Located(name, at: nil))
      for (run, cell) in zip(runs, cells) {
        switch expected[run]?[name] {
        case .flag(let flag)?: XCTAssertEqual(cell, flag ? "true" : "false", "\(run) \(name)")
        case .number(let number)?: XCTAssertEqual(Double(cell), number, "\(run) \(name)")
        case .text(let text)?: XCTAssertEqual(cell, text, "\(run) \(name)")
        case nil: XCTFail("\(run) \(name): no expected value")
        }
      }
    }
    // Without hyperparameters logged, asking for them is an error at the source.
    let plain = errorText {
      let figure = try Figure(
        text: spec.replacingOccurrences(of: folder.path, with: fixtures.appendingPathComponent("good").path),
        name: "f.yaml", directory: folder)
      _ = try DataLoader.finalTables(figure.spec)
    }
    XCTAssertTrue(plain.contains("logged hyperparameters"), plain)
  }
}
