#!/usr/bin/env python3
"""Records Scenarios/08-cartpole.json from a real Gymnasium CartPole-v1 rollout.

    pip install gymnasium numpy && python3 Scenarios/tools/record_cartpole.py

The policy is a hand-written balance controller with 85% random actions, so some episodes fall
over (terminated) and others hit the time limit of 40 steps (truncated). The critic is a
hand-written estimate, not a trained network: the discounted number of steps in a full episode,
scaled down as the pole leans and the cart drifts. Like a vector-env buffer with
auto-reset, values[t+1] after an episode's end is the value of the *next* episode's first state,
and final_values records V of the truncated episode's own last observation.
"""
import json
import os

import gymnasium as gym
import numpy as np

GAMMA, LAMBDA, LIMIT, STEPS, SEED = 0.99, 0.95, 40, 120, 1
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "08-cartpole.json")


def critic(obs):
    # Like most critics it does not see the clock, so a state at the time limit is worth as much
    # as the same state early on: that is exactly why truncation must bootstrap.
    x, _, theta, _ = obs
    horizon = (1 - GAMMA ** LIMIT) / (1 - GAMMA)
    health = max(0.0, 1 - abs(theta) / 0.2095) * max(0.0, 1 - abs(x) / 2.4)
    return round(float(horizon * health), 4)


def main():
    env = gym.make("CartPole-v1", max_episode_steps=LIMIT)
    rng = np.random.default_rng(SEED)
    obs, _ = env.reset(seed=SEED)
    taken = 0
    rewards, values, terminated, truncated, finals, labels = [], [], [], [], [], []
    for _ in range(STEPS):
        values.append(critic(obs))
        push_right = obs[2] + 0.5 * obs[3] > 0
        action = int(rng.integers(2)) if rng.random() < 0.85 else int(push_right)
        labels.append("start" if taken == 0 else "")
        obs, reward, term, trunc, _ = env.step(action)
        taken += 1
        rewards.append(float(reward))
        terminated.append(bool(term))
        truncated.append(bool(trunc) and not term)
        finals.append(critic(obs) if trunc and not term else None)
        if term or trunc:
            labels[-1] = "fell" if term else "limit"
            obs, _ = env.reset()
            taken = 0
    values.append(critic(obs))
    scenario = {
        "name": "CartPole-v1, recorded (time limit 40)",
        "description": "A real Gymnasium CartPole rollout of 120 steps: +1 per step alive, "
        "episodes end when the pole falls (terminated) or at the 40-step limit (truncated). "
        "The critic is hand-written, not trained. At a fall the next value is 0; at the limit "
        "we bootstrap from the final observation's value, not the reset state's.",
        "gamma": GAMMA, "lambda": LAMBDA,
        "rewards": rewards, "values": values, "terminated": terminated, "truncated": truncated,
        "final_values": finals, "labels": labels,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("{\n" + ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                                    for k, v in scenario.items()) + "\n}\n")
    print(f"{OUT}: {len(rewards)} steps, {sum(terminated)} terminated, {sum(truncated)} truncated")


if __name__ == "__main__":
    main()
