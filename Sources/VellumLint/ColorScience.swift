import Foundation
import VellumScene

/// The colour arithmetic the checks need: sRGB to CIELAB (D65), CIEDE2000 differences, colour-vision deficiency as
/// Machado, Oliveira & Fernandes (2009) simulate it, and WCAG 2 contrast ratios. Constants as colour-science uses them.
public enum ColorScience {
  /// A colour-vision deficiency, simulated at full severity.
  public enum Deficiency: String, CaseIterable, Sendable {
    case protanopia, deuteranopia, tritanopia

    /// Machado et al. (2009), severity 1.0, on linear RGB.
    public var matrix: [[Double]] {
      switch self {
      case .protanopia:
        return [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
      case .deuteranopia:
        return [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
      case .tritanopia:
        return [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
      }
    }
  }

  /// IEC 61966-2-1's transfer function, undone.
  public static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

  /// IEC 61966-2-1's transfer function.
  public static func encoded(_ c: Double) -> Double { c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055 }

  /// How `color` looks to a reader with `deficiency`: the matrix on linear RGB, clipped to the gamut.
  public static func simulate(_ color: RGB, _ deficiency: Deficiency) -> RGB {
    let v = [linear(color.red), linear(color.green), linear(color.blue)]
    let m = deficiency.matrix
    func channel(_ row: Int) -> Double {
      encoded(min(max(m[row][0] * v[0] + m[row][1] * v[1] + m[row][2] * v[2], 0), 1))
    }
    return RGB(red: channel(0), green: channel(1), blue: channel(2))
  }

  /// CIELAB (D65 white from its chromaticity 0.3127, 0.3290) of an sRGB colour.
  public static func lab(_ color: RGB) -> (l: Double, a: Double, b: Double) {
    let (r, g, b) = (linear(color.red), linear(color.green), linear(color.blue))
    // IEC 61966-2-1's matrix, to its published four decimals.
    let x = 0.4124 * r + 0.3576 * g + 0.1805 * b
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    let z = 0.0193 * r + 0.1192 * g + 0.9505 * b
    let white = (x: 0.3127 / 0.3290, z: (1 - 0.3127 - 0.3290) / 0.3290)
    func f(_ t: Double) -> Double {
      let epsilon = 216.0 / 24389
      let kappa = 24389.0 / 27
      return t > epsilon ? cbrt(t) : (kappa * t + 16) / 116
    }
    let (fx, fy, fz) = (f(x / white.x), f(y), f(z / white.z))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
  }

  /// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), with kL = kC = kH = 1.
  public static func deltaE2000(
    _ lab1: (l: Double, a: Double, b: Double), _ lab2: (l: Double, a: Double, b: Double)
  ) -> Double {
    let c1 = (lab1.a * lab1.a + lab1.b * lab1.b).squareRoot()
    let c2 = (lab2.a * lab2.a + lab2.b * lab2.b).squareRoot()
    let meanC = (c1 + c2) / 2
    let g = 0.5 * (1 - (pow(meanC, 7) / (pow(meanC, 7) + pow(25, 7))).squareRoot())
    let (a1, a2) = ((1 + g) * lab1.a, (1 + g) * lab2.a)
    let (cp1, cp2) = ((a1 * a1 + lab1.b * lab1.b).squareRoot(), (a2 * a2 + lab2.b * lab2.b).squareRoot())
    func hue(_ b: Double, _ a: Double) -> Double {
      if a == 0 && b == 0 { return 0 }
      let h = atan2(b, a) * 180 / .pi
      return h < 0 ? h + 360 : h
    }
    let (hp1, hp2) = (hue(lab1.b, a1), hue(lab2.b, a2))
    let dL = lab2.l - lab1.l
    let dC = cp2 - cp1
    var dh = 0.0
    if cp1 * cp2 != 0 {
      dh = hp2 - hp1
      if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
    }
    let dH = 2 * (cp1 * cp2).squareRoot() * sin(dh * .pi / 360)
    let meanL = (lab1.l + lab2.l) / 2
    let meanCp = (cp1 + cp2) / 2
    var meanH = hp1 + hp2
    if cp1 * cp2 != 0 {
      if abs(hp1 - hp2) <= 180 {
        meanH = (hp1 + hp2) / 2
      } else {
        meanH = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2
      }
    }
    func rad(_ degrees: Double) -> Double { degrees * .pi / 180 }
    let t =
      1 - 0.17 * cos(rad(meanH - 30)) + 0.24 * cos(rad(2 * meanH)) + 0.32 * cos(rad(3 * meanH + 6))
      - 0.20 * cos(rad(4 * meanH - 63))
    let dTheta = 30 * exp(-pow((meanH - 275) / 25, 2))
    let rC = 2 * (pow(meanCp, 7) / (pow(meanCp, 7) + pow(25, 7))).squareRoot()
    let sL = 1 + 0.015 * pow(meanL - 50, 2) / (20 + pow(meanL - 50, 2)).squareRoot()
    let sC = 1 + 0.045 * meanCp
    let sH = 1 + 0.015 * meanCp * t
    let rT = -sin(rad(2 * dTheta)) * rC
    let (l, c, h) = (dL / sL, dC / sC, dH / sH)
    return (l * l + c * c + h * h + rT * c * h).squareRoot()
  }

  /// WCAG 2 relative luminance.
  public static func luminance(_ color: RGB) -> Double {
    func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    return 0.2126 * channel(color.red) + 0.7152 * channel(color.green) + 0.0722 * channel(color.blue)
  }

  /// WCAG 2 contrast ratio, from 1 (none) to 21 (black on white).
  public static func contrast(_ a: RGB, _ b: RGB) -> Double {
    let (la, lb) = (luminance(a), luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }

  /// `top` at `opacity` over `below`.
  static func over(_ top: RGB, opacity: Double, _ below: RGB) -> RGB {
    RGB(
      red: top.red * opacity + below.red * (1 - opacity), green: top.green * opacity + below.green * (1 - opacity),
      blue: top.blue * opacity + below.blue * (1 - opacity))
  }
}
