import Foundation
import VellumTestSupport
import XCTest

@testable import VellumLayout

/// Date ticks against matplotlib's AutoDateLocator and ConciseDateFormatter (Tests/Reference/date_ticks.json,
/// from scripts/reference_date_ticks.py): every case's tick positions, labels and offset string.
final class DateTicksTests: XCTestCase {
  private struct Reference: Decodable {
    struct Case: Decodable {
      var vmin: Double
      var vmax: Double
      var ticks: [Double]
      var labels: [String]
      var offset: String
    }
    var matplotlib: String
    var cases: [Case]
  }

  private func reference() throws -> Reference {
    let url = PackagePaths.root.appendingPathComponent("Tests/Reference/date_ticks.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  func testTicksMatchAutoDateLocator() throws {
    let reference = try reference()
    XCTAssertGreaterThanOrEqual(reference.cases.count, 200)
    var mismatches: [String] = []
    for item in reference.cases {
      let ours = DateTicks.ticks(from: item.vmin, to: item.vmax)
      // Ticks are whole seconds (or µs); the tolerance only absorbs the reference's float round trip.
      let same = ours.count == item.ticks.count && zip(ours, item.ticks).allSatisfy { abs($0 - $1) <= 1e-6 }
      if !same { mismatches.append("\(item.vmin)…\(item.vmax): \(ours) vs \(item.ticks)") }
    }
    XCTAssertTrue(
      mismatches.isEmpty,
      "\(mismatches.count) of \(reference.cases.count) differ from matplotlib \(reference.matplotlib), "
        + "e.g. \(mismatches.prefix(3))")
  }

  func testLabelsMatchConciseDateFormatter() throws {
    let reference = try reference()
    XCTAssertGreaterThanOrEqual(reference.cases.count, 200)
    var mismatches: [String] = []
    for item in reference.cases {
      let (labels, offset) = DateTicks.labels(item.ticks)
      if labels != item.labels || offset != item.offset {
        mismatches.append("\(item.vmin)…\(item.vmax): \(labels) \"\(offset)\" vs \(item.labels) \"\(item.offset)\"")
      }
    }
    XCTAssertTrue(
      mismatches.isEmpty,
      "\(mismatches.count) of \(reference.cases.count) differ from matplotlib \(reference.matplotlib), "
        + "e.g. \(mismatches.prefix(3))")
  }

  /// A few readable anchors, so a regression names the behaviour and not just a case number.
  func testKnownRanges() {
    func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Double {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = TimeZone(identifier: "UTC")!
      let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
      return calendar.date(from: components)!.timeIntervalSince1970
    }
    // A whole year: every other month, January labelled with its year, so no offset.
    let year = DateTicks.ticks(from: utc(2000, 1, 1), to: utc(2001, 1, 1))
    XCTAssertEqual(year, [1, 3, 5, 7, 9, 11].map { utc(2000, $0, 1) } + [utc(2001, 1, 1)])
    let yearLabels = DateTicks.labels(year)
    XCTAssertEqual(yearLabels.labels, ["2000", "Mar", "May", "Jul", "Sep", "Nov", "2001"])
    XCTAssertEqual(yearLabels.offset, "")
    // A day: every three hours, midnights named by their date, the offset gives the last tick's day.
    let day = DateTicks.ticks(from: utc(2024, 2, 29), to: utc(2024, 3, 1))
    XCTAssertEqual(day.count, 9)
    let dayLabels = DateTicks.labels(day)
    XCTAssertEqual(dayLabels.labels.first, "Feb-29")
    XCTAssertEqual(dayLabels.labels.last, "Mar-01")
    XCTAssertEqual(dayLabels.labels[1], "03:00")
    XCTAssertEqual(dayLabels.offset, "2024-Mar-01")
    // Yearly ticks start at the interval multiple at or before the range, outside it, as matplotlib's do.
    let decade = DateTicks.ticks(from: utc(2003, 3, 10), to: utc(2008, 3, 10))
    XCTAssertEqual(decade.first, utc(2003, 1, 1))
    XCTAssertEqual(decade.last, utc(2008, 1, 1))
    // Equal limits widen by two years each way before ticking.
    let (low, high) = DateTicks.nonsingular(utc(2020, 6, 1), utc(2020, 6, 1))
    XCTAssertEqual(high - low, 4 * 365.25 * 86_400)
  }
}
