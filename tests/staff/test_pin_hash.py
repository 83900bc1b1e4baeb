"""The operator PIN is kept only as a salted hash, and only the right PIN matches it."""

from __future__ import annotations

import pytest

from kiosk.staff.pin_hash import hash_pin, hash_problem, pin_problem, verify_pin


def test_the_right_pin_matches_and_a_wrong_one_does_not():
    stored = hash_pin("2580")
    assert verify_pin("2580", stored)
    assert not verify_pin("2581", stored)
    assert not verify_pin("", stored)


def test_the_hash_holds_no_plain_pin_and_two_hashes_of_one_pin_differ():
    first, second = hash_pin("739164"), hash_pin("739164")
    assert "739164" not in first
    assert first != second  # a fresh salt each time
    assert verify_pin("739164", first) and verify_pin("739164", second)


def test_a_fixed_salt_gives_a_fixed_hash():
    assert hash_pin("2580", salt=b"\0" * 16) == hash_pin("2580", salt=b"\0" * 16)


@pytest.mark.parametrize("pin", ["12a4", "123", "1234567890123", "0000", "١٢٣٤", " 1234"])
def test_unusable_pins_are_refused_with_a_reason(pin):
    assert pin_problem(pin)
    with pytest.raises(ValueError):
        hash_pin(pin)


@pytest.mark.parametrize(
    "stored",
    ["", "2580", "scrypt$16384$8$1$zz$00", "bcrypt$1$2$3$4$5", "scrypt$3$8$1$00000000000000000000$" + "00" * 32, None],
)
def test_a_damaged_hash_never_matches_and_says_why(stored):
    assert not verify_pin("2580", stored)
    assert hash_problem(stored)
