"""Figures in documentation: the Sphinx extension and the MkDocs plugin building the sample sites in tests/sites,
the render cache beneath them, and the repository's pre-commit hook, each run as its users run it."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vellum
from vellum import _docs

SITES = Path(__file__).parent / "sites"
ROOT = Path(__file__).resolve().parents[2]
# sphinx-build, mkdocs and pre-commit, run by the Python running the tests (the virtualenv's, where pip put them).
SPHINX_BUILD = [sys.executable, "-m", "sphinx"]
MKDOCS = [sys.executable, "-m", "mkdocs"]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _run(arguments, cwd, env=None):
    # Plain text whatever the environment asks (Sphinx colours its output when CI is set): the tests read it.
    env = dict(os.environ if env is None else env, NO_COLOR="1")
    env.pop("FORCE_COLOR", None)
    return subprocess.run([str(argument) for argument in arguments], cwd=cwd, env=env, capture_output=True, text=True)


def _renders(result):
    """How many figures a build rendered (the extension and plugin log one line per render)."""
    return len(re.findall(r"vellum: rendered ", result.stdout + result.stderr))


def _cli_svg(spec):
    """The binary's own SVG of a spec file: what the documentation must show."""
    return subprocess.run(
        [vellum.binary(), "render", spec.name, "--stdout", "svg"],
        cwd=spec.parent, capture_output=True, check=True,
    ).stdout


def _located(path, needle):
    """``LINE:COLUMN`` (1-based) of the first occurrence of ``needle`` in a file."""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} is not in {path}")


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


# Sphinx


def _sphinx(site, out, *extra):
    return _run([*SPHINX_BUILD, "-b", "html", "--no-color", *extra, ".", out], cwd=site)


def test_sphinx_site_renders_caches_and_renders_again_when_data_changes(tmp_path):
    pytest.importorskip("sphinx")
    site = shutil.copytree(SITES / "sphinx", tmp_path / "site")
    out = tmp_path / "html"

    first = _sphinx(site, out)
    assert first.returncode == 0, first.stderr
    assert _renders(first) == 2
    page = (out / "index.html").read_text()
    images = re.findall(r'<img alt="([^"]*)" src="(_images/[^"]+\.svg)"', page)
    assert [src for _, src in images] == ["_images/loss.svg", "_images/figure.svg"]
    # The spec's alt unless :alt: is given, and the very SVG the CLI renders.
    assert images[0][0] == "Loss falls for both runs; run a ends lower."
    assert images[1][0] == "Loss at each step, both runs"
    assert (out / "_images/loss.svg").read_bytes() == _cli_svg(site / "figures/loss.yaml")
    assert b"<svg" in (out / "_images/figure.svg").read_bytes()
    assert 'style="width: 80%;"' in page and '<figure class="align-center"' in page
    assert "Training loss of two runs." in page
    downloads = re.findall(r'class="reference download internal" download="" href="(_downloads/[^"]+)"', page)
    assert [Path(link).name for link in downloads] == ["loss.pdf", "loss.png"]
    assert (out / downloads[0]).read_bytes().startswith(b"%PDF-")
    assert (out / downloads[1]).read_bytes().startswith(b"\x89PNG")

    # Nothing changed: Sphinx reads nothing; read again from scratch (-E), every figure comes from the cache.
    assert _renders(_sphinx(site, out)) == 0
    again = _sphinx(site, out, "-E")
    assert again.returncode == 0 and "reading sources... [100%] index" in again.stdout
    assert _renders(again) == 0

    # Both figures read runs.csv: editing it makes Sphinx read the page again and both render anew.
    _edit(site / "figures/runs.csv", "3,0.30,a", "3,0.12,a")
    edited = _sphinx(site, out)
    assert edited.returncode == 0, edited.stderr
    assert _renders(edited) == 2
    assert (out / "_images/loss.svg").read_bytes() == _cli_svg(site / "figures/loss.yaml")

    # LaTeX from the same doctrees: the PDF, from the cache.
    latex = _run([*SPHINX_BUILD, "-b", "latex", "-d", out / ".doctrees", ".", tmp_path / "latex"], cwd=site)
    assert latex.returncode == 0, latex.stderr
    assert _renders(latex) == 0
    tex = next((tmp_path / "latex").glob("*.tex")).read_text()
    assert r"\sphinxincludegraphics[width=0.800\linewidth]{{loss}.pdf}" in tex
    assert (tmp_path / "latex/loss.pdf").read_bytes().startswith(b"%PDF-")
    assert "Download" not in tex


def test_sphinx_broken_specs_fail_the_build_naming_their_lines(tmp_path):
    pytest.importorskip("sphinx")
    site = shutil.copytree(SITES / "sphinx", tmp_path / "site")
    _edit(site / "figures/loss.yaml", "color:", "colr:")
    _edit(site / "index.rst", "y: loss}", "y: lss}")
    broken = _sphinx(site, tmp_path / "html")
    # An error, not a warning left to -W: the build exits non-zero.
    assert broken.returncode == 1
    spec_at = _located(site / "figures/loss.yaml", "colr")
    assert f"figures/loss.yaml:{spec_at}: error: unknown key 'colr' in line (did you mean 'color'?)" in broken.stderr
    # The inline spec's error is located in the page, its column counted from the page's indentation.
    page_at = _located(site / "index.rst", "lss")
    assert f"index.rst:{page_at}: error: no column 'lss'" in broken.stderr
    # Still failing on the next build, though no file changed; passing once both are fixed.
    assert _sphinx(site, tmp_path / "html").returncode == 1
    _edit(site / "figures/loss.yaml", "colr:", "color:")
    _edit(site / "index.rst", "y: lss}", "y: loss}")
    fixed = _sphinx(site, tmp_path / "html")
    assert fixed.returncode == 0, fixed.stderr
    assert _renders(fixed) == 2


# MkDocs


def _mkdocs(site):
    return _run([*MKDOCS, "build"], cwd=site)


def _figures(page):
    return re.findall(r'<figure class="vellum"><img src="([^"/]+\.svg)" alt="([^"]*)"></figure>', page.read_text())


def test_mkdocs_site_renders_caches_and_renders_again_when_data_changes(tmp_path):
    pytest.importorskip("mkdocs")
    site = shutil.copytree(SITES / "mkdocs", tmp_path / "site")
    built = site / "site"

    first = _mkdocs(site)
    assert first.returncode == 0, first.stderr
    assert _renders(first) == 2
    # Each SVG beside its page: results.md is built as results/index.html.
    [(inline, inline_alt)] = _figures(built / "index.html")
    [(from_file, file_alt)] = _figures(built / "results/index.html")
    assert inline.startswith("figure-") and inline_alt == "Loss at each step, both runs"
    assert from_file.startswith("loss-") and file_alt == "Loss falls for both runs; run a ends lower."
    assert b"<svg" in (built / inline).read_bytes()
    assert (built / "results" / from_file).read_bytes() == _cli_svg(site / "docs/figures/loss.yaml")
    # The fence that shows the syntax inside a longer fence stays a code block.
    assert "```vellum\nfigures/loss.yaml\n```" in (built / "index.html").read_text()

    second = _mkdocs(site)
    assert second.returncode == 0 and _renders(second) == 0
    # The site folder is cleaned on every build: the figures come back from the cache.
    assert _figures(built / "index.html") == [(inline, inline_alt)] and (built / inline).is_file()

    _edit(site / "docs/figures/runs.csv", "3,0.30,a", "3,0.12,a")
    edited = _mkdocs(site)
    assert edited.returncode == 0, edited.stderr
    assert _renders(edited) == 2
    [(renamed, _)] = _figures(built / "results/index.html")
    assert renamed != from_file
    assert (built / "results" / renamed).read_bytes() == _cli_svg(site / "docs/figures/loss.yaml")


@pytest.mark.parametrize("broken", ["inline", "file"])
def test_mkdocs_broken_spec_fails_the_build_naming_its_line(tmp_path, broken):
    pytest.importorskip("mkdocs")
    site = shutil.copytree(SITES / "mkdocs", tmp_path / "site")
    if broken == "inline":
        # Front matter, which MkDocs strips before plugins see the page, still counts in the line number.
        page = site / "docs/index.md"
        page.write_text("---\ntitle: Sample\n---\n\n" + page.read_text().replace("y: loss}", "y: lss}"))
        expected = f"docs/index.md:{_located(page, 'lss')}: error: no column 'lss'"
    else:
        _edit(site / "docs/figures/loss.yaml", "color:", "colr:")
        at = _located(site / "docs/figures/loss.yaml", "colr")
        expected = f"docs/figures/loss.yaml:{at}: error: unknown key 'colr' in line (did you mean 'color'?)"
    result = _mkdocs(site)
    assert result.returncode == 1
    assert expected in result.stderr


# The render cache and `vellum inputs`


def _wrapper(tmp_path, inputs_script):
    """A vellum that answers `inputs` with the given shell lines and hands every other command to the real one."""
    path = tmp_path / "bin" / "vellum"
    path.parent.mkdir()
    path.write_text(f'#!/bin/sh\nif [ "$1" = inputs ]; then\n{inputs_script}\nfi\nexec "{vellum.binary()}" "$@"\n')
    path.chmod(0o755)
    return path


def _spec_reading(folder):
    (folder / "runs.csv").write_text("x,y\n1,2\n2,3\n")
    (folder / "other.csv").write_text("unused\n")
    return _docs.Spec("data: {t: runs.csv}\naxes:\n  layers:\n    - scatter: {x: x, y: y}\n", folder)


@pytest.mark.parametrize("given", ["inline", "file"])
def test_cache_keys_on_the_files_vellum_inputs_lists(tmp_path, monkeypatch, given):
    spec = _spec_reading(tmp_path)
    if given == "file":
        spec = _docs.Spec(spec.text, tmp_path, path=tmp_path / "s.yaml")
        spec.path.write_text(spec.text)
    # The binary says the spec reads other.csv (say, a style file): that is what the key hashes, not a guess.
    # For a spec file it lists the file itself first, as `vellum inputs SPEC` does.
    listing = f'if [ "$2" = - ]; then cat >/dev/null; else echo "$2"; fi; echo "{tmp_path / "other.csv"}"; exit 0'
    monkeypatch.setenv("VELLUM_BIN", str(_wrapper(tmp_path, listing)))
    first = _docs.render_cached(spec, tmp_path / "cache")
    assert first.rendered and first.inputs == ([spec.path] if spec.path else []) + [tmp_path / "other.csv"]
    assert first.path("svg").is_file() and first.stem == ("s" if spec.path else "figure")
    assert not _docs.render_cached(spec, tmp_path / "cache").rendered
    (tmp_path / "other.csv").write_text("changed\n")
    assert _docs.render_cached(spec, tmp_path / "cache").rendered


def test_cache_without_vellum_inputs_hashes_the_files_the_spec_names(tmp_path, monkeypatch):
    spec = _spec_reading(tmp_path)
    # What an older binary says for an unknown subcommand.
    usage = "echo \"Error: Unexpected argument 'inputs'\" >&2; exit 2"
    monkeypatch.setenv("VELLUM_BIN", str(_wrapper(tmp_path, usage)))
    first = _docs.render_cached(spec, tmp_path / "cache", formats=("svg", "pdf"))
    assert first.rendered and first.inputs == [tmp_path / "runs.csv"]
    assert first.path("pdf").read_bytes().startswith(b"%PDF-")
    assert not _docs.render_cached(spec, tmp_path / "cache").rendered
    (tmp_path / "runs.csv").write_text("x,y\n1,2\n2,4\n")
    assert _docs.render_cached(spec, tmp_path / "cache").rendered


def test_a_broken_spec_reported_by_vellum_inputs_is_located(tmp_path, monkeypatch):
    spec = _docs.Spec("axes: {}\n", tmp_path, locate=lambda line, column: ("page.md", line + 10, column + 4))
    error = "cat >/dev/null; echo \"<stdin>:1:7: error: unknown key 'x' in axes\" >&2; exit 1"
    monkeypatch.setenv("VELLUM_BIN", str(_wrapper(tmp_path, error)))
    with pytest.raises(vellum.VellumError) as raised:
        _docs.render_cached(spec, tmp_path / "cache")
    assert str(raised.value) == "page.md:11:11: error: unknown key 'x' in axes"
    assert not (tmp_path / "cache").exists()


# pre-commit


def _hook_repository(tmp_path, env):
    """This repository cloned, with the working tree's hook manifest committed (it may not be committed here)."""
    clone = tmp_path / "hooks"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, env=env)
    shutil.copyfile(ROOT / ".pre-commit-hooks.yaml", clone / ".pre-commit-hooks.yaml")
    subprocess.run(["git", "add", ".pre-commit-hooks.yaml"], cwd=clone, check=True, env=env)
    if subprocess.run(["git", "diff", "--cached", "--quiet"], cwd=clone, env=env).returncode:
        subprocess.run(["git", "commit", "-q", "-m", "hooks"], cwd=clone, check=True, env=env)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, check=True, env=env, capture_output=True, text=True)
    return clone, head.stdout.strip()


def test_pre_commit_hook_fails_on_a_stale_figure(tmp_path):
    pytest.importorskip("pre_commit")
    binary = Path(vellum.binary())
    assert binary.name == "vellum"
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        # The hook runs `vellum` from PATH, as after `make install`.
        "PATH": os.pathsep.join([str(binary.parent), os.environ.get("PATH", "")]),
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    env.pop("VELLUM_BIN", None)
    hooks, rev = _hook_repository(tmp_path, env)

    project = tmp_path / "project"
    shutil.copytree(SITES / "sphinx/figures", project / "figures")
    # YAML that is no spec, outside figures/: the hook's default `files` leaves it out.
    (project / "ci").mkdir()
    (project / "ci/settings.yaml").write_text("retries: 3\n")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: vellum-check\n        args: [--format, svg]\n"
    )
    subprocess.run(["git", "init", "-q"], cwd=project, check=True, env=env)
    render = ["vellum", "render", "figures/loss.yaml", "--format", "svg"]
    subprocess.run(render, cwd=project, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "figures"], cwd=project, check=True, env=env)

    def pre_commit():
        return _run([*PRE_COMMIT, "run", "--all-files"], cwd=project, env=env)

    fresh = pre_commit()
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert re.search(r"vellum check\.+Passed", fresh.stdout)

    _edit(project / "figures/runs.csv", "3,0.30,a", "3,0.12,a")
    stale = pre_commit()
    assert stale.returncode == 1
    assert re.search(r"vellum check\.+Failed", stale.stdout) and "figures/loss.svg" in stale.stdout

    subprocess.run(render, cwd=project, check=True, env=env)
    assert pre_commit().returncode == 0
