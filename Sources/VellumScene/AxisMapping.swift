import Foundation

/// How data values along one page direction map to page coordinates, and back: a transform, the data
/// limits, and their page positions. Layout places marks with it; review tools read it back from the SVG.
public struct AxisMapping: Sendable, Equatable {
  /// The transform applied to data values before the linear map to the page.
  public enum Transform: Sendable, Equatable {
    case linear
    case log(base: Double)
    /// log10(p / (1 − p)) for 0 < p < 1 (matplotlib's logit scale), spreading out values near 0 and 1.
    case logit
    /// matplotlib's symlog (SymmetricalLogTransform), in units of `linthresh`: linear within ±linthresh, stretched
    /// by linscale / (1 − 1/base), logarithmic beyond.
    case symlog(base: Double, linthresh: Double, linscale: Double = 1)

    /// NaN for values a log transform cannot show.
    public func forward(_ value: Double) -> Double {
      switch self {
      case .linear: return value
      case .log(let base): return value > 0 ? Foundation.log(value) / Foundation.log(base) : .nan
      case .logit: return value > 0 && value < 1 ? log10(value / (1 - value)) : .nan
      case .symlog(let base, let threshold, let linscale):
        let stretch = linscale / (1 - 1 / base)
        let magnitude = abs(value)
        let transformed =
          magnitude <= threshold
          ? magnitude / threshold * stretch : stretch + Foundation.log(magnitude / threshold) / Foundation.log(base)
        return value < 0 ? -transformed : transformed
      }
    }

    public func inverse(_ value: Double) -> Double {
      switch self {
      case .linear: return value
      case .log(let base): return pow(base, value)
      case .logit: return 1 / (1 + pow(10, -value))
      case .symlog(let base, let threshold, let linscale):
        let stretch = linscale / (1 - 1 / base)
        let magnitude = abs(value)
        let original =
          magnitude <= stretch ? magnitude / stretch * threshold : threshold * pow(base, magnitude - stretch)
        return value < 0 ? -original : original
      }
    }
  }

  /// Data limits as shown; `low` maps to `start`.
  public var low: Double
  public var high: Double
  /// Page coordinates of `low` and `high` (for y, start is the bottom).
  public var start: Double
  public var end: Double
  public var transform: Transform

  public init(low: Double, high: Double, start: Double, end: Double, transform: Transform = .linear) {
    self.low = low
    self.high = high
    self.start = start
    self.end = end
    self.transform = transform
  }

  /// The page coordinate of a data value.
  public func map(_ value: Double) -> Double {
    map(value, transformedLow: transform.forward(low), transformedHigh: transform.forward(high))
  }

  @inline(__always)
  fileprivate func map(_ value: Double, transformedLow t0: Double, transformedHigh t1: Double) -> Double {
    start + (transform.forward(value) - t0) / (t1 - t0) * (end - start)
  }

  /// The data value at a page coordinate.
  public func value(atPage page: Double) -> Double {
    let t0 = transform.forward(low)
    let t1 = transform.forward(high)
    return transform.inverse(t0 + (page - start) / (end - start) * (t1 - t0))
  }
}

/// How a plot area's page coordinates map to data in x and y.
public struct PlotMapping: Sendable, Equatable {
  public var x: AxisMapping
  public var y: AxisMapping

  public init(x: AxisMapping, y: AxisMapping) {
    self.x = x
    self.y = y
  }

  /// The page points of data points (xs[i], ys[i]) at `range`, written to the same places of `points` (so parts
  /// of a long series can be placed on several threads): each limit transformed once, not once a point, with the
  /// arithmetic of ``AxisMapping/map(_:)``, so the same bits.
  public func points(
    _ xs: [Double], _ ys: [Double], _ range: Range<Int>, into points: UnsafeMutableBufferPointer<Point>
  ) {
    let (x0, x1) = (x.transform.forward(x.low), x.transform.forward(x.high))
    let (y0, y1) = (y.transform.forward(y.low), y.transform.forward(y.high))
    for index in range {
      points[index] = Point(
        x.map(xs[index], transformedLow: x0, transformedHigh: x1),
        y.map(ys[index], transformedLow: y0, transformedHigh: y1))
    }
  }
}
