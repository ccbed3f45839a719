import Foundation
import XCTest

/// Debian's headless Chromium, for tests that look at figures as a browser draws them.
public enum Chromium {
  /// The browser, or a skip (a failure when VELLUM_REQUIRE_BROWSER=1, as `make gallery-test` sets).
  public static func path() throws -> String {
    if let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: {
      FileManager.default.isExecutableFile(atPath: $0)
    }) {
      return found
    }
    if ProcessInfo.processInfo.environment["VELLUM_REQUIRE_BROWSER"] == "1" {
      XCTFail("chromium is not installed")
    }
    throw XCTSkip("chromium is not installed (make gallery-test installs it)")
  }

  /// Writes a screenshot of `url` in a `width` × `height` window at one device pixel per CSS pixel to `file`;
  /// `dark` asks for the reader's dark colour scheme (`prefers-color-scheme: dark`), as a system in dark mode does.
  public static func screenshot(_ url: URL, width: Int, height: Int, dark: Bool = false, to file: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try path())
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--screenshot=\(file.path)", "--window-size=\(width),\(height)",
      ] + (dark ? ["--force-dark-mode"] : []) + [url.absoluteString]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
  }
}
