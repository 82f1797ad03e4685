"""The teacher's guide (tools/teachers_guide.py): every chapter covered, the presets it names exist, the
mistakes it lists are the keys' own, and the README's copy is the current one."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("teachers_guide", ROOT / "tools" / "teachers_guide.py")
guide = importlib.util.module_from_spec(spec)
spec.loader.exec_module(guide)
pytest.importorskip("nbformat")


def test_every_chapter_has_a_time_a_demo_a_question_and_only_presets_that_exist():
    from nnlib.playground.presets import PRESETS

    chapters = sorted(p.stem[:2] for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert sorted(guide.GUIDE) == chapters
    names = {preset.name for preset in PRESETS}
    for chapter, (minutes, demo, question, presets) in guide.GUIDE.items():
        assert minutes is None or 20 <= minutes <= 120, chapter
        assert demo and question.endswith("?"), chapter
        assert set(presets) <= names, (chapter, set(presets) - names)


def test_the_guide_lists_every_exercise_with_the_mistakes_its_key_names():
    blocks = guide.guide_markdown().split("\n\n**[")   # one block per chapter
    for chapter in guide.GUIDE:
        block = next(b for b in blocks if b.lstrip("*[").startswith(chapter))
        named = next((line for line in block.splitlines() if line.startswith("- *The tutor names:*")), "")
        for exercise_id, _, names in guide.mistakes(chapter):
            if names:
                listed = named.split(f"{exercise_id} (", 1)[1]
                assert all(name in listed for name in names), exercise_id


def test_the_readme_holds_the_current_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert guide.readme_with_guide(readme) == readme, "run: python tools/teachers_guide.py --readme"
