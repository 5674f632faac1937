"""requirements.txt: in step with pyproject.toml, and enough on its own for a cloud install."""

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirement_lines(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def test_requirements_txt_matches_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert _requirement_lines(ROOT / "requirements.txt") == set(project["dependencies"])


def test_every_dependency_has_a_lower_bound():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert ">=" in requirement, requirement


# What the running app imports: the page, an uploaded HTML article through the extractor (trafilatura
# and what it loads only then), and the PNG renderer. Printed as top-level module names.
_APP_IMPORTS = """
import sys, tempfile, pathlib
sys.path.insert(0, sys.argv[1])
blocked = set(sys.argv[2:])  # modules to behave as not installed


class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)


sys.meta_path.insert(0, Absent())
import dashboard.app, dashboard.page, dashboard.exports, kaleido
from extract.pipeline import process_file
page = pathlib.Path(tempfile.mkdtemp()) / "a.html"
page.write_text("<html><head><title>Talks</title></head><body><article><p>On 5 March 2019 the United "
                "States and Iraq signed an agreement in Baghdad.</p></article></body></html>")
process_file(page, "a.html", None)
print("\\n".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _plain_closure(requirements: list[str]) -> set[str]:
    """Distributions a pip install of ``requirements`` is sure to bring: each named one and, through
    their metadata, what they require without an extra (a dependency's own extras, such as
    ``lxml[html_clean]``, are not pulled by every pip, which is how the cloud lost lxml_html_clean)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: set[str] = set()
    todo = [Requirement(line) for line in requirements]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in found or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        found.add(name)
        try:
            todo += [Requirement(r) for r in metadata.distribution(name).requires or []]
        except metadata.PackageNotFoundError:
            continue
    return found


def _app_imports(blocked: list[str]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", _APP_IMPORTS, str(ROOT), *blocked]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_every_module_the_app_imports_is_installed_by_requirements_txt_alone():
    from packaging.utils import canonicalize_name

    ran = _app_imports([])
    assert ran.returncode == 0, ran.stderr[-2000:]
    providers = metadata.packages_distributions()
    modules: dict[str, set[str]] = {}  # distribution -> its top-level modules the app imported
    for name in ran.stdout.split():
        for distribution in providers.get(name, []):
            modules.setdefault(canonicalize_name(distribution), set()).add(name)
    project = {canonicalize_name(d) for d in providers.get("extract", []) + providers.get("dashboard", [])}
    closure = _plain_closure(sorted(_requirement_lines(ROOT / "requirements.txt")))
    candidates = sorted(set(modules) - closure - project)
    # A module imported only if present (pyarrow tries cloudpickle) is not needed: the app runs
    # without it. One whose absence breaks the app must come from requirements.txt.
    missing = [d for d in candidates if _app_imports(sorted(modules[d])).returncode != 0]
    assert not missing, f"needed by the app but not installed by requirements.txt alone: {missing}"
