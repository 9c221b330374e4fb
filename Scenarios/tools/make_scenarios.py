#!/usr/bin/env python3
"""Writes the synthetic teaching scenarios in Scenarios/ (deterministic: fixed seeds).

Run from anywhere: python3 Scenarios/tools/make_scenarios.py
The CartPole scenario comes from record_cartpole.py instead.
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
        "description": "Nine steps of nothing, then +1 at the goal (terminated). The critic has "
        "only half learned the corridor. With λ=0 each step sees just its own TD error; with "
        "λ near 1 the goal's surprise flows back to every step, shrinking by γλ per step. "
        "Press 0 and 1 to compare.",
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
        "description": "A reward of about +1 every step (a walker moving forward), γ=0.9 so V is "
        "about 10. Both episodes stop at a time limit (truncated): the last step still "
        "bootstraps, so its advantage stays small instead of looking like a disaster.",
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
        "description": "The same five steps twice. The first episode ends in a true terminal "
        "state (terminated): the next value is 0. The second is cut by a time limit "
        "(truncated): we still bootstrap from V of the state it stopped in (final value 0.5). "
        "Look at A4 and A9: same rewards, different ending, different advantages. Both reset the "
        "carry so nothing leaks into the other episode.",
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
            labels.append("start" if i == 0 else ("end" if last and ending else ""))
    values.append(0.3)
    write("04-multi-episode.json", {
        "name": "One rollout, four episodes",
        "description": "A rollout buffer rarely holds one whole episode. Here four episodes of "
        "5, 7, 3 and 6 steps share one buffer: two terminate, one is truncated, and the last is "
        "cut off when the buffer is full (it bootstraps from V(s21)). Step through and watch the "
        "carry reset at every boundary.",
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
        "description": "A deterministic corridor with +1 at the end: every action is exactly as "
        "good as expected, so the true advantages are all 0. The critic is right about "
        "s0..s4 but 0.4 too pessimistic from s5 on. With λ=0 (press 0), A4 = δ4 leans on the "
        "wrong V(s5) and blames a perfectly good action (about −0.4). With λ=1 (press 1), A0..A4 "
        "use the real rewards and are 0: only V(s_t) itself can bias them.",
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
        "description": "Rewards are 0.1 plus unit Gaussian noise and the critic is exact, so the "
        "true advantages average 0. With λ=0 each A_t carries the noise of one reward; with "
        "λ=1 it sums the noise of every reward to the episode's end, and the bars swing wildly. "
        "This is the variance GAE trades against bias.",
        "gamma": gamma, "lambda": 0.95,
        "rewards": rewards, "values": values,
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
    })


def long_horizon():
    T = 300
    write("07-long-horizon.json", {
        "name": "Long horizon: how far back does credit reach?",
        "description": "300 steps, one reward of +1 at the very end, and an untrained critic "
        "(V = 0 everywhere). A_t = (γλ)^(299−t): the credit fades by γλ per step, falling to "
        "about 37% after the effective horizon 1/(1−γλ) steps (16.8 at γ=0.99, λ=0.95; 100 at "
        "λ=1). Raise λ and γ and watch it reach further back.",
        "gamma": 0.99, "lambda": 0.95,
        "rewards": [0.0] * (T - 1) + [1.0], "values": [0.0] * (T + 1),
        "terminated": flags(T, {T - 1}), "truncated": flags(T, set()),
    })


def gridworld_csv():
    rows = [
        (0, 0.2, 0, 0, "", "start"), (-0.1, 0.25, 0, 0, "", "wall"), (0, 0.3, 0, 0, "", ""),
        (0, 0.45, 0, 0, "", ""), (1, 0.7, 1, 0, "", "goal"), (0, 0.2, 0, 0, "", "start"),
        (-0.1, 0.2, 0, 0, "", ""), (0, 0.25, 0, 1, "0.35", "limit"), (0, 0.2, 0, 0, "", "start"),
    ]
    with open(os.path.join(OUT, "09-gridworld.csv"), "w", encoding="utf-8") as f:
        f.write("# name: Gridworld, imported from CSV\n")
        f.write("# description: The same rollout format as a spreadsheet: one row per step, the "
                "bootstrap value alone on the last row. A wall bump costs 0.1; the goal pays 1.\n")
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
