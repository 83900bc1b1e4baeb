"""Whatever bytes an editor saves, the loader answers with errors, never with an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import load_content

from .fixtures import PILLAR, write_content

yaml_like = st.text(
    alphabet=st.sampled_from(list("abc:- \n\t{}[]&*!<>|'\"#%@`,?0123456789.广州\u202e\x00")), max_size=300
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yaml_like)
def test_random_yaml_never_raises(tmp_path: Path, text: str) -> None:
    result = load_content(write_content(tmp_path, outlook=text))
    assert result.content is None or result.ok
    for error in result.errors:
        assert error.path and error.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(PILLAR)), junk=yaml_like)
def test_damaged_real_file_never_raises(tmp_path: Path, cut: int, junk: str) -> None:
    result = load_content(write_content(tmp_path, pillar=PILLAR[:cut] + junk + PILLAR[cut:]))
    assert result.ok or result.errors
