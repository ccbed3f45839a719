import VellumScene

/// Room on each side of a panel's decorations for what reaches past them (text placed from the data), in points.
struct Margins: Equatable {
  var left = 0.0
  var top = 0.0
  var right = 0.0
  var bottom = 0.0

  init() {}

  /// How far `boxes` reach past `box` on each side.
  init(reaching boxes: [Rect], pastBox box: Rect) {
    for other in boxes where other.width.isFinite && other.height.isFinite {
      left = max(left, box.minX - other.minX)
      top = max(top, box.minY - other.minY)
      right = max(right, other.maxX - box.maxX)
      bottom = max(bottom, other.maxY - box.maxY)
    }
  }

  /// `box` grown by these margins.
  func growing(_ box: Rect) -> Rect {
    Rect(x: box.x - left, y: box.y - top, width: box.width + left + right, height: box.height + top + bottom)
  }

  /// On each side the larger of these margins and `more` (what reaches past the decorations now), each pair of
  /// sides kept within `limit`; growth under a tenth of a point is left out, so refitting settles.
  func merging(_ more: Margins, limit: (width: Double, height: Double)) -> Margins {
    func grown(_ value: Double, _ wanted: Double) -> Double { wanted > value + 0.1 ? wanted : value }
    var result = self
    result.left = grown(left, more.left)
    result.right = grown(right, more.right)
    result.top = grown(top, more.top)
    result.bottom = grown(bottom, more.bottom)
    let horizontal = result.left + result.right
    if horizontal > limit.width {
      result.left *= limit.width / horizontal
      result.right *= limit.width / horizontal
    }
    let vertical = result.top + result.bottom
    if vertical > limit.height {
      result.top *= limit.height / vertical
      result.bottom *= limit.height / vertical
    }
    return result
  }
}
