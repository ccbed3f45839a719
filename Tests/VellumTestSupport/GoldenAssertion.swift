import Foundation
import XCTest

/// Compares text with a golden file; `VELLUM_RECORD=1` rewrites the golden and fails so the change is noticed.
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
  let url = PackagePaths.golden.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["VELLUM_RECORD"] == "1" {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    XCTFail("recorded \(name); rerun without VELLUM_RECORD to check it", file: file, line: line)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    XCTFail("missing golden \(name); record it with VELLUM_RECORD=1", file: file, line: line)
    return
  }
  guard expected != actual else { return }
  XCTFail("\(name) differs from its golden:\n\(lineDiff(expected: expected, actual: actual))", file: file, line: line)
}

/// A short line diff: `-` golden, `+` actual, with line numbers, at most 40 lines.
public func lineDiff(expected: String, actual: String) -> String {
  let old = expected.components(separatedBy: "\n")
  let new = actual.components(separatedBy: "\n")
  var out: [String] = []
  for index in 0..<max(old.count, new.count) {
    let a = index < old.count ? old[index] : nil
    let b = index < new.count ? new[index] : nil
    guard a != b else { continue }
    if let a { out.append("-\(index + 1): \(a.prefix(160))") }
    if let b { out.append("+\(index + 1): \(b.prefix(160))") }
    if out.count >= 40 {
      out.append("…")
      break
    }
  }
  return out.joined(separator: "\n")
}
