#!/usr/bin/env python3
"""Checks `gae-viz trace` against an independent NumPy computation of GAE.

    python3 Tests/tools/crosscheck_numpy.py path/to/gae-viz

Random rollouts of 10,000 steps with terminations, truncations and final values, for γ and λ
across [0, 1] (the edges included), written as scenario files (JSON and CSV), traced by the
binary, and compared field by field to 1e-12 relative. The NumPy side is the seed's
compute_gae, extended only by the final_values rule of README.md, plus a forward-form check
A_t = Σ (γλ)^k δ_{t+k} within the episode on a sample of steps.
Then `trace --estimator td|mc` against the TD errors and the Monte-Carlo advantages computed
here by their definitions, and `explain --format json` against the terms and n-step advantages
computed here from theirs (their sums must give the pass's A_t).
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


def monte_carlo(rewards, values, terminated, truncated, final_values, gamma):
    """Discounted rewards to the episode's end, bootstrapped at a truncation and at the rollout's
    end (nothing after a termination), minus V(s_t): by the definition, not by GAE at λ = 1."""
    T = len(rewards)
    out = np.zeros(T)
    for t in range(T):
        total, discount, u = 0.0, 1.0, t
        while True:
            total += discount * rewards[u]
            discount *= gamma
            if terminated[u]:
                break
            if truncated[u] or u == T - 1:
                boot = final_values[u] if truncated[u] and not np.isnan(final_values[u]) else values[u + 1]
                total += discount * boot
                break
            u += 1
        out[t] = total - values[t]
    return out


def n_step_advantages(rewards, values, terminated, truncated, final_values, gamma, t):
    """Â⁽ⁿ⁾_t for n = 1 … m by their definition, with the episode's last bootstrap as the pass's."""
    T = len(rewards)
    result, total, discount, u = [], 0.0, 1.0, t
    while True:
        total += discount * rewards[u]
        discount *= gamma
        if terminated[u]:
            boot = 0.0
        elif truncated[u] and not np.isnan(final_values[u]):
            boot = final_values[u]
        else:
            boot = values[u + 1]
        result.append(total + discount * boot - values[t])
        if terminated[u] or truncated[u] or u == T - 1:
            return result
        u += 1


def check_estimators_and_explain(binary, tmp, rng):
    """Returns (passed, failed) for the estimators and explain on a few rollouts."""
    passed = failed = 0
    for case, (gamma, lambda_) in enumerate([(0.99, 0.95), (0.9, 0.5), (0.5, 0.0), (1.0, 1.0)]):
        rollout = random_rollout(rng, 2_000)
        rewards, values, terminated, truncated, final_values = rollout
        path = os.path.join(tmp, f"estimators{case}.json")
        write_json(path, *rollout)
        _, deltas, advantages = compute_gae(rewards, values, terminated, truncated, final_values, gamma, lambda_)
        expected = {"td": deltas, "mc": monte_carlo(rewards, values, terminated, truncated, final_values, gamma)}
        problems = []
        for estimator, want in expected.items():
            out = subprocess.run([binary, "trace", path, "--gamma", repr(gamma), "--estimator", estimator,
                                  "--format", "json"], capture_output=True, text=True)
            if out.returncode != 0:
                problems.append(f"--estimator {estimator}: exit {out.returncode}")
                continue
            steps = json.loads(out.stdout)["steps"]
            t = np.array([s["t"] for s in steps])
            got = np.array([s["advantage"] for s in steps], dtype=float)
            ok = np.abs(got - want[t]) <= 1e-9 * np.maximum(1.0, np.abs(want[t]))
            if not ok.all():
                i = int(np.argmin(ok))
                problems.append(f"--estimator {estimator} at t={t[i]}: {got[i]!r} != {want[t][i]!r}")
        for t in rng.choice(len(rewards), 25, replace=False):
            out = subprocess.run([binary, "explain", path, "--t", str(t), "--gamma", repr(gamma), "--lambda",
                                  repr(lambda_), "--format", "json"], capture_output=True, text=True)
            if out.returncode != 0:
                problems.append(f"explain --t {t}: exit {out.returncode}: {out.stderr.strip()}")
                break
            got = json.loads(out.stdout)
            terms, n_step = got["terms"], got["n_step"]
            want_n = n_step_advantages(rewards, values, terminated, truncated, final_values, gamma, t)
            sums = [sum(x["contribution"] for x in terms), sum(x["weight"] * x["advantage"] for x in n_step)]
            if len(terms) != len(want_n) or len(n_step) != len(want_n):
                problems.append(f"explain --t {t}: {len(terms)} terms, {len(n_step)} n-step, expected {len(want_n)}")
            elif not all(abs(a - b) <= 1e-9 * max(1.0, abs(b)) for a, b in zip([x["advantage"] for x in n_step], want_n)):
                problems.append(f"explain --t {t}: an n-step advantage differs")
            elif not all(abs(x["delta"] - deltas[x["t"]]) <= 1e-12 * max(1.0, abs(deltas[x["t"]])) for x in terms):
                problems.append(f"explain --t {t}: a delta differs")
            elif not all(abs(total - advantages[t]) <= 1e-9 * max(1.0, abs(advantages[t])) for total in sums):
                problems.append(f"explain --t {t}: sums {sums} != A {advantages[t]!r}")
            if problems:
                break
        label = f"estimators and explain, case {case} (γ={gamma}, λ={lambda_})"
        if problems:
            print(f"FAIL {label}: " + "; ".join(problems[:3]))
            failed += 1
        else:
            print(f"ok   {label}")
            passed += 1
    return passed, failed


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
        more_passed, more_failed = check_estimators_and_explain(binary, tmp, rng)
        passed += more_passed
        failed += more_failed
    print(f"crosscheck: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
