#!/usr/bin/env python3
"""Python figures for the benchmark table, on the same machine in the same run.

    python3 python_baselines.py SCENARIO.json   ->  one JSON object on stdout

- json.load + conversion to NumPy arrays of the 10^6-step scenario: seconds, and peak memory
  (measured in a child process, so the parent's own memory does not count);
- the seed's NumPy loop (compute_gae, verbatim but for the final_values extension) at 10^5 steps;
- scipy.signal.lfilter per episode, the usual vectorised alternative, at 10^6 steps;
- the seed's loop compiled by numba, and as a reverse jax.lax.scan (float64, CPU), at 10^6 steps,
  compilation excluded.
Each optional library is measured when it is installed (Benchmarks/requirements.txt) and
skipped otherwise; each is checked against the seed's loop before its time is reported.
"""
import json
import subprocess
import sys
import time

import numpy as np


def load(path):
    with open(path) as f:
        scenario = json.load(f)
    return (np.asarray(scenario["rewards"], dtype=np.float64), np.asarray(scenario["values"], dtype=np.float64),
            np.asarray(scenario["terminated"], dtype=bool), np.asarray(scenario["truncated"], dtype=bool))


def compute_gae(rewards, values, terminated, truncated, gamma, lambda_):
    T = len(rewards)
    advantages = np.zeros(T)
    gae = 0
    next_values = np.where(terminated, 0, values[1:])
    deltas = rewards + gamma * next_values - values[:-1]
    episode_over = terminated | truncated
    for t in reversed(range(T)):
        gae = deltas[t] + gamma * lambda_ * (~episode_over[t]) * gae
        advantages[t] = gae
    return advantages


def lfilter_gae(rewards, values, terminated, truncated, gamma, lambda_):
    from scipy.signal import lfilter
    next_values = np.where(terminated, 0, values[1:])
    deltas = rewards + gamma * next_values - values[:-1]
    ends = np.flatnonzero(terminated | truncated) + 1
    out = np.empty_like(deltas)
    start = 0
    for end in list(ends) + [len(deltas)]:
        if end > start:
            segment = deltas[start:end][::-1]
            out[start:end] = lfilter([1.0], [1.0, -gamma * lambda_], segment)[::-1]
        start = end
    return out


def numba_gae():
    import numba

    @numba.njit
    def gae(rewards, values, terminated, truncated, gamma, lambda_):
        count = len(rewards)
        advantages = np.empty(count)
        carry = 0.0
        for t in range(count - 1, -1, -1):
            next_value = 0.0 if terminated[t] else values[t + 1]
            delta = rewards[t] + gamma * next_value - values[t]
            carry = delta + gamma * lambda_ * (0.0 if terminated[t] or truncated[t] else 1.0) * carry
            advantages[t] = carry
        return advantages

    return gae


def jax_gae():
    import jax
    import jax.numpy as jnp
    jax.config.update("jax_enable_x64", True)

    @jax.jit
    def gae(rewards, values, terminated, truncated, gamma, lambda_):
        next_values = jnp.where(terminated, 0.0, values[1:])
        deltas = rewards + gamma * next_values - values[:-1]
        not_over = 1.0 - (terminated | truncated)

        def step(carry, inputs):
            delta, mask = inputs
            carry = delta + gamma * lambda_ * mask * carry
            return carry, carry

        return jax.lax.scan(step, 0.0, (deltas, not_over), reverse=True)[1]

    def run(rewards, values, terminated, truncated, gamma, lambda_):
        arrays = [jnp.asarray(a) for a in (rewards, values, terminated, truncated)]
        return np.asarray(gae(*arrays, gamma, lambda_).block_until_ready())

    return run


def peak_kib():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork and exec from the parent.
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def best(f, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    path = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "--load-only":
        before = peak_kib()
        start = time.perf_counter()
        load(path)
        seconds = time.perf_counter() - start
        after = peak_kib()
        print(json.dumps({"seconds": seconds, "peak_mib": (after - before) / 1024}))
        return
    child = json.loads(subprocess.run([sys.executable, __file__, path, "--load-only"], capture_output=True,
                                      text=True, check=True).stdout)
    rewards, values, terminated, truncated = load(path)
    small = slice(0, 100_000)
    loop = best(lambda: compute_gae(rewards[small], values[:100_001], terminated[small], truncated[small], 0.99, 0.95), 1)
    result = {"json_load_seconds": child["seconds"], "json_load_peak_mib": child["peak_mib"],
              "numpy_loop_ns_per_step": loop / 100_000 * 1e9}
    try:
        filtered = best(lambda: lfilter_gae(rewards, values, terminated, truncated, 0.99, 0.95))
        result["lfilter_ns_per_step"] = filtered / len(rewards) * 1e9
        # The same numbers, or the comparison means nothing.
        reference = compute_gae(rewards[small], values[:100_001], terminated[small], truncated[small], 0.99, 0.95)
        check = lfilter_gae(rewards[small], values[:100_001], terminated[small], truncated[small], 0.99, 0.95)
        result["lfilter_max_abs_difference"] = float(np.max(np.abs(check - reference)))
    except ImportError:
        pass
    reference = compute_gae(rewards, values, terminated, truncated, 0.99, 0.95)
    for name, factory in (("numba", numba_gae), ("jax", jax_gae)):
        try:
            function = factory()
        except ImportError:
            continue
        function(rewards, values, terminated, truncated, 0.99, 0.95)  # compile
        difference = float(np.max(np.abs(function(rewards, values, terminated, truncated, 0.99, 0.95) - reference)))
        if difference > 1e-9:
            print(f"{name} disagrees with the seed's loop by {difference}", file=sys.stderr)
            continue
        seconds = best(lambda: function(rewards, values, terminated, truncated, 0.99, 0.95))
        result[f"{name}_ns_per_step"] = seconds / len(rewards) * 1e9
    print(json.dumps(result))


if __name__ == "__main__":
    main()
