#pragma once

namespace gw::traffic {

// A token bucket's limits: `burst` tokens at most, refilled at `rate` tokens a second.
// API Gateway writes "no throttling" as -1 in either field (reference §7).
struct ThrottleLimits
{
    double rate = -1.0;
    int burst = -1;
    bool unlimited() const { return rate < 0.0 || burst < 0; }
    friend bool operator==(const ThrottleLimits &, const ThrottleLimits &) = default;
};

// Account level per region (reference §7, §14): shared by every API the engine serves.
inline constexpr ThrottleLimits kAccountDefaultLimits{10000.0, 5000};

} // namespace gw::traffic
