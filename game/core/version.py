"""The version of the rules, which saves record.

Bump RULES_VERSION whenever a change to the rules (actions, effects, numbers, the world phase)
would make an old save's record play out differently. A save of other rules still loads, from
the state it holds; only its record can no longer be replayed to check it.
"""

from __future__ import annotations

RULES_VERSION = 3  # 2: the action registry and the loopholes closed (issue 10); 3: deals and counter-offers,
# mediation that carries its compromise, the balance of power (issue 13, issue 11)
