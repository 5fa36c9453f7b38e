"""The README names every sign-in the demo creates, with its role and password."""

from __future__ import annotations

from pathlib import Path

from partnerscope.apps.partnerships.demo.users import DEMO_PASSWORD, DEMO_USERS

README = Path(__file__).resolve().parents[1] / "README.md"


def sign_ins_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Demo sign-ins")
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else len(text)]


def test_every_demo_sign_in_is_in_the_readme_table():
    rows = [line for line in sign_ins_section().splitlines() if line.startswith("| `")]
    listed = {row.split("|")[1].strip().strip("`"): row for row in rows}
    assert sorted(listed) == sorted(user.username for user in DEMO_USERS)
    for user in DEMO_USERS:
        assert user.role in listed[user.username].split("|")[3], user.username


def test_the_readme_gives_the_password_and_how_to_answer_as_a_respondent():
    section = sign_ins_section()
    assert f"`{DEMO_PASSWORD}`" in section
    assert "respondent" in section
    assert "Invitations" in section
