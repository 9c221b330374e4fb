#!/usr/bin/env python3
"""Checks `gae-viz trace` against an independent NumPy computation of GAE.

    python3 Tests/tools/crosscheck_numpy.py path/to/gae-viz

Random rollouts of 10,000 steps with terminations, truncations and final values, for γ and λ
across [0, 1] (the edges included), written as scenario files (JSON and CSV), traced by the
binary, and compared field by field to 1e-12 relative. The NumPy side is the seed's
compute_gae, extended only by the final_values rule of README.md, plus a forward-form check
A_t = Σ (γλ)^k δ_{t+k} within the episode on a sample of steps.
Prints 'N passed, N failed' and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

TOLERANCE = 1e-12


def compute_gae(rewards, values, terminated, truncated, final_values, gamma, lambda_):
    """The seed's function; final_values (NaN = none) replaces values[t+1] on truncated steps."""
    T = len(rewards)
    advantages = np.zeros(T)
    gae = 0.0
    bootstrap = np.where(truncated & ~np.isnan(final_values), final_values, values[1:])
    next_values = np.where(terminated, 0.0, bootstrap)
    deltas = rewards + gamma * next_values - values[:-1]
    episode_over = terminated | truncated
    for t in reversed(range(T)):
        gae = deltas[t] + gamma * lambda_ * (~episode_over[t]) * gae
        advantages[t] = gae
    return next_values, deltas, advantages


def forward_form(deltas, episode_over, gamma, lambda_, t):
    total, weight, u = 0.0, 1.0, t
    while u < len(deltas):
        total += weight * deltas[u]
        if episode_over[u]:
            break
        weight *= gamma * lambda_
        u += 1
    return total


def random_rollout(rng, T):
    rewards = rng.normal(0, 1, T)
    values = rng.normal(0, 2, T + 1)
    kind = rng.random(T)
    terminated = kind < 0.01
    truncated = (kind >= 0.01) & (kind < 0.02)
    both = kind >= 0.995  # Gymnasium allows both flags at once: termination wins
    terminated |= both
    truncated |= both
    final_values = np.where(truncated & (rng.random(T) < 0.6), rng.normal(0, 2, T), np.nan)
    return rewards, values, terminated, truncated, final_values


def write_json(path, rewards, values, terminated, truncated, final_values):
    scenario = {
        "name": "crosscheck",
        "rewards": rewards.tolist(), "values": values.tolist(),
        "terminated": terminated.tolist(), "truncated": truncated.astype(int).tolist(),
        "final_values": [None if np.isnan(x) else float(x) for x in final_values],
    }
    with open(path, "w") as f:
        json.dump(scenario, f)


def write_csv(path, rewards, values, terminated, truncated, final_values):
    with open(path, "w") as f:
        f.write("reward,value,terminated,truncated,final_value\n")
        for t in range(len(rewards)):
            fv = "" if np.isnan(final_values[t]) else repr(float(final_values[t]))
            f.write(f"{float(rewards[t])!r},{float(values[t])!r},{int(terminated[t])},{int(truncated[t])},{fv}\n")
        f.write(f",{float(values[-1])!r},,,\n")


def close(a, b):
    return np.abs(a - b) <= TOLERANCE * np.maximum(1.0, np.maximum(np.abs(a), np.abs(b)))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/gae-viz"
    rng = np.random.default_rng(20261125)
    parameters = [(0.99, 0.95), (0.0, 0.0), (1.0, 1.0), (0.0, 1.0), (1.0, 0.0), (0.5, 0.5)]
    parameters += [tuple(rng.random(2)) for _ in range(6)]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case, (gamma, lambda_) in enumerate(parameters):
            rollout = random_rollout(rng, 10_000)
            fmt = "csv" if case % 3 == 2 else "json"
            path = os.path.join(tmp, f"case{case}.{fmt}")
            (write_csv if fmt == "csv" else write_json)(path, *rollout)
            out = subprocess.run(
                [binary, "trace", path, "--gamma", repr(float(gamma)), "--lambda", repr(float(lambda_)),
                 "--format", "json"], capture_output=True, text=True)
            label = f"case {case} ({fmt}, γ={gamma:.4f}, λ={lambda_:.4f})"
            if out.returncode != 0:
                print(f"FAIL {label}: exit {out.returncode}: {out.stderr.strip()}")
                failed += 1
                continue
            steps = json.loads(out.stdout)["steps"]
            rewards, values, terminated, truncated, final_values = rollout
            next_values, deltas, advantages = compute_gae(
                rewards, values, terminated, truncated, final_values, gamma, lambda_)
            t = np.array([s["t"] for s in steps])
            got = {k: np.array([s[k] for s in steps], dtype=float)
                   for k in ("next_value", "delta", "advantage", "return", "carry")}
            problems = []
            if not np.array_equal(t, np.arange(len(rewards))[::-1]):
                problems.append("steps are not in t-descending order")
            expected = {"next_value": next_values[t], "delta": deltas[t], "advantage": advantages[t],
                        "return": advantages[t] + values[:-1][t],
                        "carry": advantages[t] - deltas[t]}
            for key, want in expected.items():
                ok = close(got[key], want)
                if not ok.all():
                    i = int(np.argmin(ok))
                    problems.append(f"{key} at t={t[i]}: {got[key][i]!r} != {want[i]!r}")
            over = terminated | truncated
            for s in rng.choice(len(rewards), 50, replace=False):
                if not close(forward_form(deltas, over, gamma, lambda_, s), advantages[s]):
                    problems.append(f"forward form disagrees at t={s}")
                    break
            if problems:
                print(f"FAIL {label}: " + "; ".join(problems[:3]))
                failed += 1
            else:
                print(f"ok   {label}: {len(steps)} steps, {int(over.sum())} boundaries")
                passed += 1
    print(f"crosscheck: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
