import Foundation
import Vellum
import VellumScene
import VellumTestSupport
import XCTest

/// Polar axes: radar charts on a categorical angle, numeric angles in degrees, rose (wedge) bars, and bad input.
final class PolarAxesTests: XCTestCase {
  private let radarCSV = "model,skill,score\nA,s1,80\nA,s2,60\nA,s3,40\nA,s4,60\nB,s1,50\nB,s2,90\nB,s3,70\nB,s4,30\n"

  private static let radar = """
    size: [4in, 4in]
    data:
      runs: data.csv
    axes:
      polar: {start: N, direction: clockwise, grid: polygon}
      x: {scale: categorical}
      y: {limits: [0, 100]}
      legend: false
      layers:
        - area: {x: skill, y: score, group: model, alpha: 0.25}
        - line: {x: skill, y: score, group: model}
    """

  private func scene(_ spec: String, csv: String) throws -> Scene { try SpecFixture.scene(spec, csv: csv).scene }

  private func error(_ spec: String, csv: String) throws -> VellumError {
    try XCTUnwrap(SpecFixture.error(spec, csv: csv), "expected an error")
  }

  private func plot(_ scene: Scene) throws -> Rect { try XCTUnwrap(scene.groups(role: "axes-0")[0].clipRect) }

  func testRadarSeriesAreClosedPolygonsStartingAtTheTopClockwise() throws {
    let scene = try scene(Self.radar, csv: radarCSV)
    let p = try plot(scene)
    let center = Point(p.x + p.width / 2, p.y + p.height / 2)
    let radius = min(p.width, p.height) / 2
    let line = scene.groups(role: "series-score-a")[0].paths[0]
    XCTAssertEqual(line.segments.last, .close)
    let vertices = line.points
    XCTAssertEqual(vertices.count, 4)
    // s1 = 80 straight up; s2 = 60 a quarter turn clockwise (to the right); s3 = 40 straight down.
    XCTAssertEqual(vertices[0].x, center.x, accuracy: 1e-9)
    XCTAssertEqual(vertices[0].y, center.y - 0.8 * radius, accuracy: 1e-9)
    XCTAssertEqual(vertices[1].x, center.x + 0.6 * radius, accuracy: 1e-9)
    XCTAssertEqual(vertices[1].y, center.y, accuracy: 1e-9)
    XCTAssertEqual(vertices[2].y, center.y + 0.4 * radius, accuracy: 1e-9)
    // The filled area is the polygon through the same points.
    let area = scene.groups(role: "area-score-a")[0].paths[0]
    XCTAssertEqual(area.fill?.opacity, 0.25)
    let s2 = Point(center.x + 0.6 * radius, center.y)
    let onArea = area.points.contains { (point: Point) -> Bool in
      abs(point.x - s2.x) < 1e-9 && abs(point.y - s2.y) < 1e-9
    }
    XCTAssertTrue(onArea)
    // A polygon frame through the four spokes, the category labels outside it.
    let frame = scene.groups(role: "frame")[0].paths[0]
    XCTAssertEqual(frame.points.count, 4)
    let labels = scene.groups(role: "axis-x")[0].texts
    XCTAssertEqual(labels.map(\.plainText), ["s1", "s2", "s3", "s4"])
    XCTAssertLessThan(labels[0].origin.y, center.y - radius)
    XCTAssertGreaterThan(labels[1].origin.x, center.x + radius)
  }

  func testNumericAnglesInDegreesAndRoseBars() throws {
    let spec = """
      size: [4in, 4in]
      data:
        d: data.csv
      axes:
        polar: {unit: degrees}
        layers:
          - bar: {x: angle, y: r, width: 30}
          - scatter: {x: angle, y: r, color: black}
      """
    let scene = try scene(spec, csv: "angle,r\n0,4\n90,8\n180,2\n270,6\n")
    let p = try plot(scene)
    let center = Point(p.x + p.width / 2, p.y + p.height / 2)
    let radius = min(p.width, p.height) / 2
    // Radius 0 … 8.4 (5 % margin over 0…8): the point at 90° sits straight above the centre.
    let bars = scene.groups(role: "bars-r")[0]
    let wedges = bars.paths
    XCTAssertEqual(wedges.count, 4)
    // A wedge's outer edge is an arc: 101 points at the same distance from the centre.
    let top = wedges[1].points
    XCTAssertEqual(top.count, 202)
    let distances = top.map { hypot($0.x - center.x, $0.y - center.y) }
    XCTAssertEqual(distances.max()!, 8 / 8.4 * radius, accuracy: 1e-6)
    XCTAssertEqual(distances.filter { abs($0 - 8 / 8.4 * radius) < 1e-6 }.count, 101)
    // It spans 75°…105°, centred straight up.
    XCTAssertEqual(top.map(\.x).reduce(0, +) / Double(top.count), center.x, accuracy: 1e-6)
    XCTAssertLessThan(top.map(\.y).max()!, center.y + 1e-9)
    // Angle labels: matplotlib's eight multiples of 45°, in degrees.
    let labels = scene.groups(role: "axis-x")[0].texts.map(\.plainText)
    XCTAssertEqual(labels, ["0°", "45°", "90°", "135°", "180°", "225°", "270°", "315°"])
    // Radius labels leave out the centre.
    let radii = scene.groups(role: "axis-y")[0].texts.map(\.plainText)
    XCTAssertEqual(radii.first, "1")
    XCTAssertEqual(radii.last, "8")
  }

  func testRadiusLimitsFollowMatplotlibsPolarAutoscaling() throws {
    // matplotlib: r in [5, 7] → (0, 7.1); r in [−2, 5] → (−2.35, 5.35) (values from matplotlib 3.10).
    func limits(_ rs: [Double]) throws -> (Double, Double) {
      let csv =
        "t,r\n" + rs.enumerated().map { "\(Double($0.offset) * 0.5),\($0.element)" }.joined(separator: "\n") + "\n"
      let spec = "size: [3in, 3in]\ndata: {d: data.csv}\naxes:\n  polar: true\n  layers:\n    - line: {x: t, y: r}\n"
      let scene = try scene(spec, csv: csv)
      let mapping = scene.groups(role: "axes-0")[0].mapping!.y
      return (mapping.low, mapping.high)
    }
    let positive = try limits([5, 6, 7])
    XCTAssertEqual(positive.0, 0)
    XCTAssertEqual(positive.1, 7.1, accuracy: 1e-12)
    let mixed = try limits([-2, 3, 5])
    XCTAssertEqual(mixed.0, -2.35, accuracy: 1e-12)
    XCTAssertEqual(mixed.1, 5.35, accuracy: 1e-12)
  }

  func testBadPolarAxesAreLocatedErrors() throws {
    let logAngle = try error(
      Self.radar.replacingOccurrences(of: "x: {scale: categorical}", with: "x: {scale: log}"), csv: radarCSV)
    XCTAssertTrue(logAngle.message.contains("the angle of polar axes cannot be log"), logAngle.message)
    XCTAssertEqual(logAngle.location?.line, 6)
    let logRadius = try error(
      Self.radar.replacingOccurrences(of: "y: {limits: [0, 100]}", with: "y: {scale: log}"), csv: radarCSV)
    XCTAssertTrue(logRadius.message.contains("radius of polar axes must be linear"), logRadius.message)
    let polygon = try error(
      Self.radar.replacingOccurrences(of: "x: {scale: categorical}", with: "x: {scale: linear}"), csv: radarCSV)
    XCTAssertTrue(polygon.message.contains("a polygon grid joins category spokes"), polygon.message)
    let twin = try error(
      Self.radar.replacingOccurrences(of: "legend: false", with: "legend: false\n  y2: {label: b}"), csv: radarCSV)
    XCTAssertTrue(twin.message.contains("polar axes have no secondary axes"), twin.message)
    let direction = try error(
      Self.radar.replacingOccurrences(of: "direction: clockwise", with: "direction: clockwize"), csv: radarCSV)
    XCTAssertTrue(direction.message.contains("did you mean 'clockwise'"), direction.message)
  }

  /// Angle limits on a numeric angle draw a sector (matplotlib's set_thetamin/set_thetamax): a half disc fills the
  /// plot's width, its frame an arc closed through the centre, angle ticks by ThetaAxis's degree steps inside it,
  /// and the radius starting at the y limits' low end.
  func testAngleLimitsDrawASector() throws {
    let csv = "a,r\n0,1\n45,1.5\n90,0.8\n135,1.2\n180,1\n"
    let spec = """
      size: [6in, 4in]
      data: {d: data.csv}
      axes:
        polar: {unit: degrees}
        x: {limits: [0, 180]}
        y: {limits: [0.5, 1.5]}
        layers:
          - line: {x: a, y: r}
      """
    let scene = try scene(spec, csv: csv)
    let angles = scene.groups(role: "axis-x")[0].texts.map(\.plainText)
    XCTAssertEqual(angles, ["0°", "30°", "60°", "90°", "120°", "150°", "180°"], "as matplotlib at this size")
    let frame = try XCTUnwrap(scene.groups(role: "frame").first?.paths.first)
    let points = frame.points
    let (xs, ys) = (points.map(\.x), points.map(\.y))
    // A half disc: twice as wide as tall, its straight edge through the centre (the first point).
    XCTAssertEqual((xs.max()! - xs.min()!) / (ys.max()! - ys.min()!), 2, accuracy: 0.01)
    XCTAssertEqual(points[0].y, ys.max()!, accuracy: 1e-9)
    let p = try plot(scene)
    XCTAssertEqual(xs.max()! - xs.min()!, p.width, accuracy: 0.5, "the half disc spans the plot's width")
    // r = 0.5 (the low limit) is the centre: the line's point at 90° with r = 0.8 lies 0.3 of the radius above it.
    let radius = (xs.max()! - xs.min()!) / 2
    let line = scene.groups(prefix: "series-")[0].paths[0].points
    XCTAssertEqual(points[0].y - line[2].y, 0.3 * radius, accuracy: 1e-6)

    let categorical = try error(
      Self.radar.replacingOccurrences(of: "x: {scale: categorical}", with: "x: {scale: categorical, limits: [0, 2]}"),
      csv: radarCSV)
    XCTAssertTrue(categorical.message.contains("categories span the whole circle"), categorical.message)
    let tooWide = try error(spec.replacingOccurrences(of: "[0, 180]", with: "[0, 400]"), csv: csv)
    XCTAssertTrue(tooWide.message.contains("at most one turn (360 degrees)"), tooWide.message)
    XCTAssertEqual(tooWide.location?.line, 5)
  }
}
