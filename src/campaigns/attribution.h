// Which channels get credit for orders: each order's revenue is divided
// among the channels of the user's touches (events with a channel) in the
// lookback window before it, under three rules side by side —
//  - last touch: all to the last touch;
//  - first touch: all to the first touch in the window;
//  - position-based: 40% to the first, 40% to the last, 20% shared by the
//    ones between (one touch: all; two: half each).
// Purchase events are the order itself, not a touch. Orders without a
// touch in the window are counted as unattributed.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct ChannelCredit {
  std::string channel;
  double last_touch = 0, first_touch = 0, position_based = 0;  // revenue credited
};

struct Attribution {
  int lookback_days = 7;
  std::vector<ChannelCredit> channels;  // by last-touch credit, largest first
  int64_t orders = 0, attributed_orders = 0;
  double revenue = 0, attributed_revenue = 0;
};

Result<Attribution> AttributeOrders(Store& store, int lookback_days);

}  // namespace brandlens
