"""Why the rules refuse an action: a stable code and the text the player reads.

Each member is one reason. Its code is its name in lower case (`Why.NO_CONTACT.code` is
"no_contact"): tests and programs compare codes, players read the text, which is a gettext
message id with `{name}` places filled by `refuse()`. A refusal never carries what the acting
region may not know: no other region's treasury, army or opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.core.messages import Msg, msg


class Why(Enum):
    # --- anyone, any action -------------------------------------------------------------------
    UNKNOWN_ACTION = "Unknown action."
    NOT_YOUR_TURN = "It is not {region}'s turn."
    TURN_FULL = "That is enough for one turn: end the turn to act again."
    NO_REGION = "There is no region {region}."
    GAME_OVER = "The game is over."
    ACTOR_ANNEXED = "{region} has been annexed and can no longer act."
    NO_ACTIONS_LEFT = "No diplomatic actions left this turn."
    NO_VISIT_LEFT = "Your ruler has already travelled this turn."
    TOO_LITTLE_GOLD = "This costs {cost} gold; your treasury holds too little."
    NOT_A_SUM = "The sum must be a positive number of gold."
    # --- the other region -----------------------------------------------------------------------
    SELF = "A region cannot do that to itself."
    TARGET_ANNEXED = "{region} has been annexed."
    NO_CONTACT = "You have no contact with {region}."
    AT_WAR = "You are at war with {region}."
    EMBARGO_BETWEEN = "An embargo stands between you and {region}."
    # --- ambassadors ------------------------------------------------------------------------------
    HAS_AMBASSADOR = "You already have an ambassador in {region}."
    NO_AMBASSADOR = "You have no ambassador in {region}."
    NO_AMBASSADOR_HERE = "{region} has no ambassador here."
    TREATY_NEEDS_AMBASSADOR = "You need an ambassador in {region} to propose a treaty."
    # --- proposals --------------------------------------------------------------------------------
    PENDING = "A proposal between you and {region} is still waiting for an answer."
    NO_SUCH_PROPOSAL = "There is no such proposal waiting for you."
    PEACE_PENDING = "Your peace offer to {region} is still waiting for an answer."
    REQUEST_PENDING = "Your request to {region} is still waiting for an answer."
    MUST_ACCEPT_TERMS = "You have capitulated and must accept the victor's terms."
    # --- treaties ---------------------------------------------------------------------------------
    NO_SUCH_TREATY_KIND = "There is no such kind of treaty."
    HAS_TREATY = "You already have this treaty with {region}."
    ONLY_TRADE_EXCLUSIVE = "Only trade agreements can be exclusive."
    BOUND_EXCLUSIVE = "{region} is bound by an exclusive trade agreement."
    NO_SUCH_TREATY = "You have no such treaty."
    # --- deals ------------------------------------------------------------------------------------
    DEAL_NEEDS_AMBASSADOR = "You need an ambassador in {region} to propose a deal."
    DEAL_SIZE = "A deal holds between 1 and {most} terms."
    DEAL_TERM_TWICE = "The deal holds the same term twice."
    DEAL_BAD_TERM = "A term of the deal must be given by one of its two sides."
    DEAL_TREATY_TURNS = "A treaty in a deal lasts between 1 and {most} turns ({treaty})."
    DEAL_PAYMENT_TURNS = "Gold each turn is paid for between 1 and {most} turns."
    DEAL_CANNOT_PAY = "{region} cannot pay the gold this deal asks of it now."
    DEAL_NO_EMBARGO = "{a} has no embargo on {b} to lift."
    DEAL_EMBARGO_THIRD = "An embargo joined through a deal must be on a third region."
    DEAL_NOTHING_TO_JOIN = "{a} has no embargo on {b} for others to join."
    DEAL_ALREADY_EMBARGOING = "{a} already has an embargo on {b}."
    DEAL_PLEDGED = "{a} pledged in a deal to impose no embargo on {b} for {turns} more turns."
    DEAL_NO_EXCLUSIVE = "{a} has no exclusive trade agreement with {b} to leave."
    DEAL_NEEDS_PEACE = "You are at war with {region}: a deal between you must make peace."
    DEAL_NO_WAR = "{a} and {b} are not at war: there is no peace to make."
    DEAL_TRUCE_TURNS = "The truce after a peace in a deal lasts between 1 and {most} turns."
    DEAL_THIRD = "The region this term names must be a third one, neither side of the deal."
    DEAL_NO_ALLIANCE = "{a} has no alliance with {b} to leave."
    DEAL_NOT_AT_WAR_WITH = "{a} is not at war with {b}: there is no war to join."
    DEAL_ALLY_OF = "{a} is allied to {b} and cannot join a war against it."
    DEAL_ALREADY_AT_WAR = "{a} is already at war with {b}."
    DEAL_TRUCE_WITH = "{a} has a truce with {b} and cannot join a war against it."
    DEAL_PACT_WITH = "{a} has a non-aggression pact with {b} and cannot join a war against it."
    DEAL_HAS_AMBASSADOR = "{a} already has an ambassador in {b}."
    COUNTER_ONLY_DEALS = "Only a deal can be answered with a counter-offer."
    COUNTER_DECLINES = "A counter-offer declines the deal it answers."
    DEAL_ROUNDS_OVER = "After {rounds} counter-offers the deal must be accepted or declined."
    # --- peace ------------------------------------------------------------------------------------
    NO_SUCH_TERMS = "Peace terms are a white peace, a tribute or an annexation."
    NOT_AT_WAR = "You are not at war with {region}."
    NOT_CAPITULATED = "Only a region that has capitulated can be annexed."
    TRIBUTE_PAYER = "The tribute must be paid by one side of the war."
    TRIBUTE_LIMIT = "The tribute must be between 0 and {limit} gold per turn."
    # --- embargoes and war -----------------------------------------------------------------------
    HAS_EMBARGO = "You already have an embargo on {region}."
    NO_EMBARGO = "You have no embargo on {region}."
    PLEDGED = "You pledged in a deal to impose no embargo on {region} for {turns} more turns."
    ALREADY_AT_WAR = "You are already at war with {region}."
    ALLY = "{region} is your ally: cancel the alliance first."
    UNREACHABLE = "{region} is neither a neighbour nor reachable through an ally's land."
    ARMY_TOO_SMALL = "An army of fewer than {least} cannot go to war."
    IN_DEBT = "A region in debt cannot pay for a war."
    # --- introductions and mediation --------------------------------------------------------------
    INTRODUCTION_NEEDS_AMBASSADOR = "You need an ambassador in {region} to ask for an introduction."
    NO_ONE_TO_MEET = "There is no such region to meet."
    ALREADY_KNOWN = "You already know {region}."
    NO_RELATIONS = "{via} has no relations with {region}."
    SIDES_NOT_AT_WAR = "{a} and {b} are not at war."
    MEDIATOR_NEEDS_AMBASSADOR = "You need an ambassador with one of the sides to mediate."
    MEDIATION_PENDING = "Your mediation offer is still waiting for an answer."
    MEDIATION_REQUEST_NEEDS_AMBASSADOR = "You need an ambassador in {region} to ask it to mediate."
    MEDIATOR_AT_WAR = "{mediator} is at war with {region} and cannot broker a peace with it."
    # --- organisations ----------------------------------------------------------------------------
    NO_SUCH_ORGANISATION = "There is no such organisation."
    ALREADY_MEMBER = "You are already a member."
    ROGUE_NOT_ADMITTED = "Regions marked rogue are not admitted."
    APPLICATION_PENDING = "Your application is still before the members."
    NOT_MEMBER = "You are not a member."
    NO_SUCH_RESOLUTION = "There is no such resolution."
    ONLY_MEMBERS_VOTE = "Only members vote."
    OWN_CASE = "A region does not vote on its own case."
    ALREADY_VOTED = "You have already voted."
    # --- investments ------------------------------------------------------------------------------
    NO_SUCH_FIELD = "Invest in economy or military."
    MOBILISED = "Your recruiters can raise at most {most} more army this turn."

    @property
    def code(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused action: why (with its code), and the message the player reads."""

    why: Why
    message: Msg

    @property
    def code(self) -> str:
        return self.why.code

    def __str__(self) -> str:
        return self.message.render()


def refuse(why: Why, **args: str | int | float) -> Refusal:
    return Refusal(why, msg(why.value, **args))
