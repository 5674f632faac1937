import tomllib
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
