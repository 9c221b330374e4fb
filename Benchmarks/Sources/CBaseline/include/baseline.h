#ifndef GAEVIZ_BASELINE_H
#define GAEVIZ_BASELINE_H

#include <stddef.h>
#include <stdint.h>

/// The seed's loop in plain C: one backward chain. Returns a fresh array (free it).
double *gae_c_fresh(const double *rewards, const double *values, const uint8_t *terminated,
                    const uint8_t *truncated, size_t count, double gamma, double lambda);

/// The same loop writing into a caller's buffer.
void gae_c_into(const double *rewards, const double *values, const uint8_t *terminated,
                const uint8_t *truncated, size_t count, double gamma, double lambda, double *out);

/// The memory floor: reads the same bytes, writes the output, no dependency between steps.
void gae_c_floor(const double *rewards, const double *values, const uint8_t *terminated,
                 const uint8_t *truncated, size_t count, double gamma, double lambda, double *out);

#endif
