#include "baseline.h"

#include <stdlib.h>

void gae_c_into(const double *rewards, const double *values, const uint8_t *terminated,
                const uint8_t *truncated, size_t count, double gamma, double lambda, double *out) {
  double decay = gamma * lambda;
  double gae = 0;
  for (size_t i = count; i-- > 0;) {
    double next = terminated[i] ? 0.0 : values[i + 1];
    double delta = rewards[i] + gamma * next - values[i];
    gae = delta + ((terminated[i] | truncated[i]) ? 0.0 : decay) * gae;
    out[i] = gae;
  }
}

double *gae_c_fresh(const double *rewards, const double *values, const uint8_t *terminated,
                    const uint8_t *truncated, size_t count, double gamma, double lambda) {
  double *out = malloc(count * sizeof(double));
  if (out) gae_c_into(rewards, values, terminated, truncated, count, gamma, lambda, out);
  return out;
}

void gae_c_floor(const double *rewards, const double *values, const uint8_t *terminated,
                 const uint8_t *truncated, size_t count, double gamma, double lambda, double *out) {
  double decay = gamma * lambda;
  for (size_t i = 0; i < count; i++) {
    double keep = (terminated[i] | truncated[i]) ? 0.0 : decay;
    out[i] = rewards[i] + gamma * values[i + 1] - values[i] + keep;
  }
}
