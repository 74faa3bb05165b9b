"""Agreement figures, checked against values computed by hand (`framing evaluate`, which reports
them, is tested in test_evaluation.py)."""

import pytest

from framing.agreement import agreement, cohen_kappa, krippendorff_alpha, macro_f1


def test_kappa_and_alpha_match_hand_computed_values():
    # 10 units; coder A: 5 P, 5 N; coder B agrees on 8 (4 P, 4 N), swaps one each way.
    a = ["P"] * 5 + ["N"] * 5
    b = ["P"] * 4 + ["N"] + ["N"] * 4 + ["P"]
    # observed 0.8; expected (5*5 + 5*5) / 100 = 0.5 -> kappa (0.8 - 0.5) / 0.5 = 0.6
    assert cohen_kappa(a, b) == pytest.approx(0.6)
    # alpha: n = 20 values (10 P, 10 N); disagreements 2 units x 2 = 4; expected 10*10*2 = 200
    # -> 1 - 19 * 4 / 200 = 0.62
    assert krippendorff_alpha(a, b) == pytest.approx(0.62)


def test_perfect_and_chance_agreement():
    labels = ["a", "b", "c", "a"]
    m = agreement(labels, labels, ["a", "b", "c"])
    assert m["accuracy"]["value"] == 1 and m["cohen_kappa"]["value"] == 1
    assert m["accuracy"]["ci95"] == [1.0, 1.0]
    assert cohen_kappa(["a", "b"] * 10, ["a"] * 20) == pytest.approx(0.0)
    assert macro_f1(["a", "b"], ["b", "a"], ["a", "b"]) == 0.0


def test_bootstrap_interval_is_deterministic_and_contains_the_value():
    gold = ["a", "b", "c"] * 10
    predicted = ["a", "b", "b"] * 10
    first = agreement(gold, predicted, ["a", "b", "c"])
    second = agreement(gold, predicted, ["a", "b", "c"])
    assert first == second
    low, high = first["macro_f1"]["ci95"]
    assert low <= first["macro_f1"]["value"] <= high
