#!/usr/bin/env python3
"""Writes the synthetic teaching scenarios in Scenarios/ (deterministic: fixed seeds).

Run from anywhere: python3 Scenarios/tools/make_scenarios.py
The CartPole scenario comes from record_cartpole.py instead.

Every claim a description makes about the numbers is checked against the file by
Tests/GAECoreTests/ScenarioClaimsTests.swift: change the data or the words, run those tests.
The first sentence is what an 80x24 screen shows (about three lines of 34 columns), so it
carries the lesson.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def r4(xs):
    return [None if x is None else round(float(x), 4) for x in xs]


def write(filename, scenario):
    T = len(scenario["rewards"])
    assert len(scenario["values"]) == T + 1
    for key in ("terminated", "truncated", "final_values", "labels"):
        if key in scenario:
            assert len(scenario[key]) == T, key
    lines = []
    for key, value in scenario.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    with open(os.path.join(OUT, filename), "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


def flags(T, at):
    return [t in at for t in range(T)]


def default_copy():
    # The same rollout as Scenario.builtInDefault (Sources/GAECore/Scenario/Scenario+Default.swift),
    # as a file to copy from; a test keeps the two equal.
    T = 12
    write("00-default.json", {
        "name": "Goal, time limit, and a rollout cut short",
        "description": "Three episodes in one rollout of 12 steps. t=4 reaches the goal: "
        "terminated, so the next value is 0 (nothing follows a true end). t=8 hits a time limit: "
        "truncated, so we still bootstrap, from the value of the state it was cut off in (final "
        "value 0.3), not from V(s9), which belongs to the next episode. At both boundaries the "
        "carry γλ·A resets to 0, so no advantage leaks across episodes. t=11 is where the "
        "rollout stops mid-episode: it bootstraps from V(s12).",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": [0, 0, 0.1, 0, 1, 0, -0.5, 0, 0, 0, 0.2, 0],
        "values": [0.5, 0.55, 0.6, 0.75, 0.9, 0.4, 0.35, 0.1, 0.2, 0.45, 0.5, 0.55, 0.6],
        "terminated": flags(T, {4}), "truncated": flags(T, {8}),
        "final_values": [None] * 8 + [0.3, None, None, None],
        "labels": ["start", "", "coin", "", "goal", "start", "trap", "", "limit", "start", "coin", ""],
    })


def sparse_goal():
    T = 10
    rewards = [0.0] * (T - 1) + [1.0]
    values = [0.1 + 0.07 * t for t in range(T)] + [0.0]
    write("01-sparse-goal.json", {
        "name": "Sparse reward at the goal",
        "description": "A grows toward the start: each A_t sums the TD errors ahead, and the "
        "critic is most wrong early. Nine steps of nothing, then +1 at the goal (terminated); A "
        "is 0.27 there and 0.62 at t=0. V rises from 0.10 to 0.73, but the true values γ^(9−t) "
        "are 0.91 to 1. Press 0: A_t = δ_t, 0.06–0.07 on every step but the goal's 0.27, so the "
        "start hardly looks undervalued. Press 1: A_t = G_t − V(s_t), the critic's whole error: "
        "0.81 at t=0. The goal's own δ does shrink by γλ per step on its way back (0.16 of A0); "
        "the small δs it passes add up to more.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": rewards, "values": r4(values),
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
        "labels": ["start"] + [""] * (T - 2) + ["goal"],
    })


def dense_rewards():
    rng = np.random.default_rng(2)
    T = 16
    rewards = r4(1.0 + 0.3 * rng.standard_normal(T))
    gamma = 0.9
    values = r4(10 * (1 - gamma ** 40) + 0.5 * rng.standard_normal(T + 1))
    trunc = {7, 15}
    write("02-dense-rewards.json", {
        "name": "Dense rewards, two time-limited episodes",
        "description": "A time limit is not a failure: the cut-off steps still bootstrap, so "
        "A7 and A15 stay ordinary. Both episodes end at a time limit (truncated): A7 = −0.23 "
        "and A15 = +0.59, in line with the other steps, not r − V ≈ −9 as if the walker had "
        "fallen. A reward of about +1 every step (a walker moving forward) and γ=0.9, so V is "
        "about 10. Each cut-off step bootstraps from its final value, V of the state where time "
        "ran out, not from V of the next episode's first state.",
        "gamma": gamma, "lambda": 0.95,
        "rewards": rewards, "values": values,
        "terminated": flags(T, set()), "truncated": flags(T, trunc),
        "final_values": [values[t + 1] + 0.2 if t in trunc else None for t in range(T)],
        "labels": ["walk"] + [""] * 6 + ["limit", "walk"] + [""] * 6 + ["limit"],
    })


def termination_vs_truncation():
    ep_r = [0.0, 0.0, 0.5, 0.0, 0.0]
    ep_v = [0.6, 0.6, 0.7, 0.5, 0.5]
    rewards = ep_r + ep_r
    values = ep_v + ep_v + [0.6]
    T = len(rewards)
    write("03-termination-vs-truncation.json", {
        "name": "Termination vs truncation, side by side",
        "description": "Same five steps, two endings: terminated gives A4 = −0.50, truncated "
        "A9 = −0.005. The first episode reaches a true terminal state, so its next value is 0; "
        "the second is cut by a time limit and could have gone on, so it bootstraps from the "
        "final value 0.5. The gap flows back through each episode, shrinking by γλ per step: "
        "A0..A3 are negative, A5..A7 positive. Both ends reset the carry, so nothing leaks into "
        "the other episode. Press 0 and 1: A4 and A9 stay put, the steps before them move.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": rewards, "values": values,
        "terminated": flags(T, {4}), "truncated": flags(T, {9}),
        "final_values": [None] * 9 + [0.5],
        "labels": ["start", "", "", "", "end", "start", "", "", "", "limit"],
    })


def multi_episode():
    rng = np.random.default_rng(4)
    lengths = [5, 7, 3, 6]
    endings = ["terminated", "truncated", "terminated", None]
    rewards, values, term, trunc, finals, labels = [], [], [], [], [], []
    for length, ending in zip(lengths, endings):
        for i in range(length):
            rewards.append(round(float(rng.choice([0.0, 0.0, 0.0, 1.0, -1.0])), 4))
            values.append(round(float(rng.uniform(-0.5, 0.8)), 4))
            last = i == length - 1
            term.append(last and ending == "terminated")
            trunc.append(last and ending == "truncated")
            finals.append(round(float(rng.uniform(0, 0.5)), 4) if last and ending == "truncated" else None)
            ending_label = {"terminated": "end", "truncated": "limit"}.get(ending, "")
            labels.append("start" if i == 0 else (ending_label if last else ""))
    values.append(0.3)
    write("04-multi-episode.json", {
        "name": "One rollout, four episodes",
        "description": "The carry resets to 0 at every episode boundary: no advantage leaks "
        "between episodes. A rollout buffer rarely holds one whole episode: here four episodes "
        "of 5, 7, 3 and 6 steps share one. Two terminate (t=4, t=14), one is truncated (t=11, "
        "final value 0.09), and the last is cut off when the buffer is full: it bootstraps from "
        "V(s21) = 0.30. Press Enter to step (Space plays) and watch the carry row say reset at "
        "t=14, 11 and 4.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": rewards, "values": values,
        "terminated": term, "truncated": trunc, "final_values": finals, "labels": labels,
    })


def biased_critic():
    T, gamma = 10, 0.99
    true_v = [gamma ** (T - 1 - t) for t in range(T)]
    values = [v - 0.4 if t >= 5 else v for t, v in enumerate(true_v)] + [0.0]
    write("05-biased-critic.json", {
        "name": "A biased critic: λ=0 inherits its error",
        "description": "Every true advantage here is 0, yet λ=0 gives A4 = −0.40: it trusts "
        "the critic's wrong V(s5). A deterministic corridor with +1 at the end (terminated): "
        "every action is exactly as good as expected. The critic is right about s0..s4 but 0.4 "
        "too pessimistic from s5 on. Press 0: A4 = δ4 = γ·V(s5) − V(s4) blames a perfectly good "
        "action. Press 1: A0..A4 use the real rewards and are 0.00, and A5..A9 are +0.40, "
        "biased only by their own V(s_t). At λ=0.95 the blame is spread thin: A0..A4 are −0.07 "
        "to −0.09.",
        "gamma": gamma, "lambda": 0.95,
        "rewards": [0.0] * (T - 1) + [1.0], "values": r4(values),
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
        "labels": [""] * 5 + ["biased"] + [""] * 3 + ["goal"],
    })


def noisy_rewards():
    rng = np.random.default_rng(6)
    T, gamma, mean = 30, 0.99, 0.1
    rewards = r4(mean + rng.standard_normal(T))
    values = r4([mean * (1 - gamma ** (T - t)) / (1 - gamma) for t in range(T)] + [0.0])
    write("06-noisy-rewards.json", {
        "name": "Noisy rewards: λ=1 pays in variance",
        "description": "Every true advantage here is 0, but λ near 1 sums the noise of every "
        "later reward into A_t. Rewards are 0.1 plus unit Gaussian noise no action changes; the "
        "critic is exact. |A| reaches 5.0 at λ=0.95 and 5.5 at λ=1, but only 2.6 at λ=0. Press "
        "0: each A_t holds one reward's noise, r_t − 0.1, and the bars flip sign from step to "
        "step (14 times). Press 1: they flip twice: one lucky stretch lifts every step before "
        "it (A > 0 for t=0..16). The bars keep one scale, so watch them grow from λ=0 to λ=1, and read the numbers: the "
        "mean A_t² is 1.2 at λ=0, 5.8 at λ=0.95, 7.1 at λ=1. That is the variance GAE trades "
        "against bias.",
        "gamma": gamma, "lambda": 0.95,
        "rewards": rewards, "values": values,
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
    })


def long_horizon():
    T = 300
    write("07-long-horizon.json", {
        "name": "Long horizon: how far back does credit reach?",
        # The first three lines at 34 columns are on a golden screen (long-horizon-step-21-80x24).
        "description": "300 steps, one reward of +1 at the very end, and an untrained critic "
        "(V = 0 everywhere). A_t = (γλ)^(299−t): the credit fades by γλ per step, falling to "
        "36–37% after the effective horizon 1/(1−γλ) steps (16.8 at γ=0.99, λ=0.95; 100 at "
        "λ=1). Press 1, or raise γ or λ (Tab picks one, ↑ raises it), and watch it reach "
        "further back; press 0 and only t=299 gets any.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": [0.0] * (T - 1) + [1.0], "values": [0.0] * (T + 1),
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
    })


def gridworld_csv():
    rows = [
        (0, 0.2, 0, 0, "", "start"), (-0.1, 0.25, 0, 0, "", "wall"), (0, 0.3, 0, 0, "", ""),
        (0, 0.45, 0, 0, "", ""), (1, 0.7, 1, 0, "", "goal"), (0, 0.2, 0, 0, "", "start"),
        (-0.1, 0.2, 0, 0, "", "wall"), (0, 0.25, 0, 1, "0.35", "limit"),
        (0, 0.2, 0, 0, "", "start"),
    ]
    with open(os.path.join(OUT, "09-gridworld.csv"), "w", encoding="utf-8") as f:
        f.write("# name: Gridworld, imported from CSV\n")
        f.write("# description: The same rollout format as a spreadsheet: one row per step, the "
                "bootstrap value alone on the last row. A wall bump costs 0.1; the goal pays 1 "
                "(t=4, terminated). At t=7 time runs out (truncated): the final_value column gives "
                "0.35 to bootstrap from, not the next row's 0.2.\n")
        f.write("# gamma: 0.99\n# lambda: 0.95\n")
        f.write("reward,value,terminated,truncated,final_value,label\n")
        for r in rows:
            f.write(",".join(str(x) for x in r) + "\n")
        f.write(",0.25,,,,\n")


if __name__ == "__main__":
    default_copy()
    sparse_goal()
    dense_rewards()
    termination_vs_truncation()
    multi_episode()
    biased_critic()
    noisy_rewards()
    long_horizon()
    gridworld_csv()
