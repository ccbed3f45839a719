import Foundation
import VellumSVG

/// The markup that puts a rendered figure into a documentation page (`vellum embed`): a figure that follows the
/// reader's colour scheme itself (`theme: auto`) is one image where the page's scheme is the reader's; elsewhere the
/// light file and a dark one (`NAME-dark.svg`, the figure in `theme: dark`) are shown by the site's own switch.
public enum EmbedSnippet {
  /// Where the figure goes.
  public enum Site: String, CaseIterable, Sendable {
    /// A GitHub README or wiki page: Markdown, or `<picture>` whose dark source follows the reader's scheme.
    case github
    /// MkDocs with the Material theme: images marked `#only-light` and `#only-dark` follow its palette toggle.
    case mkdocs
    /// Sphinx with the Furo theme: images with the classes `only-light` and `only-dark` follow its toggle.
    case sphinx
    /// Any HTML page: `<picture>`, or one `<img>` for a figure that follows the scheme itself.
    case html
  }

  /// The snippet for `site`. `light` and `dark` are the figure files' paths as the page links them (the dark one
  /// unused when `followsScheme` and the site's scheme is the reader's); `alt` is the figure's text alternative.
  public static func snippet(site: Site, light: String, dark: String, alt: String, followsScheme: Bool) -> String {
    // reST's `image` takes a file path, not a URL: Sphinx reads `%20` as itself.
    let (rstLight, rstDark) = (light, dark)
    let (light, dark) = (percentEncodedPath(light), percentEncodedPath(dark))
    let markdownAlt = alt.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "]", with: "\\]")
      .replacingOccurrences(of: "\n", with: " ")
    let htmlAlt = XMLEscaping.attribute(alt)
    switch site {
    case .github where followsScheme: return "![\(markdownAlt)](\(light))"
    case .html where followsScheme: return "<img src=\"\(light)\" alt=\"\(htmlAlt)\" style=\"max-width:100%\">"
    case .github, .html:
      return """
        <picture>
          <source media="(prefers-color-scheme: dark)" srcset="\(dark)">
          <img src="\(light)" alt="\(htmlAlt)" style="max-width:100%">
        </picture>
        """
    case .mkdocs:
      // Material's toggle is the page's, not the reader's system setting: one image per palette.
      return "![\(markdownAlt)](\(light)#only-light)\n![\(markdownAlt)](\(dark)#only-dark)"
    case .sphinx:
      let rstAlt = alt.replacingOccurrences(of: "\n", with: " ")
      return """
        .. image:: \(rstLight)
           :alt: \(rstAlt)
           :class: only-light

        .. image:: \(rstDark)
           :alt: \(rstAlt)
           :class: only-dark
        """
    }
  }

  /// Whether the page shows one image: a figure that follows the reader's scheme, on a site whose scheme is the
  /// reader's (GitHub, plain HTML).
  public static func needsDarkFile(site: Site, followsScheme: Bool) -> Bool {
    !(followsScheme && (site == .github || site == .html))
  }
}
