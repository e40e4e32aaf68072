// Written by scripts/events/generate.py from core/events/salesos.json: do not edit.

//! Every SalesOS delivery is {id, type, created_at, data}; the kind is `type`. Written from
//! the SalesOS webhooks document.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Every delivery: the envelope around its kind's `data`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D> {
    /// Unique event ID (for deduplication).
    pub id: String,
    /// The event type.
    pub r#type: String,
    /// When the event occurred.
    pub created_at: String,
    /// The kind's payload.
    pub data: D,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A new deal is created.
pub type DealCreated = Envelope<Deal>;

/// Any deal field is updated.
pub type DealUpdated = Envelope<Deal>;

/// A deal moves to a different stage.
pub type DealStageChanged = Envelope<Deal>;

/// A deal is closed as won.
pub type DealWon = Envelope<Deal>;

/// A deal is closed as lost.
pub type DealLost = Envelope<Deal>;

/// A deal is deleted.
pub type DealDeleted = Envelope<Deal>;

/// A new lead is created.
pub type LeadCreated = Envelope<Map<String, Value>>;

/// Any lead field is updated.
pub type LeadUpdated = Envelope<Map<String, Value>>;

/// Lead status changes.
pub type LeadStatusChanged = Envelope<Map<String, Value>>;

/// A lead is converted to a deal.
pub type LeadConverted = Envelope<Map<String, Value>>;

/// A lead is deleted.
pub type LeadDeleted = Envelope<Map<String, Value>>;

/// A new user is invited.
pub type UserCreated = Envelope<Map<String, Value>>;

/// A user accepts their invitation.
pub type UserActivated = Envelope<Map<String, Value>>;

/// User profile or role changes.
pub type UserUpdated = Envelope<Map<String, Value>>;

/// A user is deactivated.
pub type UserDeactivated = Envelope<Map<String, Value>>;

/// A user earns a badge.
pub type BadgeEarned = Envelope<Map<String, Value>>;

/// A user's ranking position changes.
pub type RankingChanged = Envelope<Map<String, Value>>;

/// A user completes a challenge goal.
pub type ChallengeCompleted = Envelope<Map<String, Value>>;

/// A deal, as the document's deal.won example shows it; every field optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The deal's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The deal's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The deal's stage (for example "Closed Won").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The owning user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// The stage the deal moved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_stage: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One delivery, typed by its kind: one variant per kind the schema lists.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `deal.created`: A new deal is created.
    DealCreated(DealCreated),
    /// `deal.updated`: Any deal field is updated.
    DealUpdated(DealUpdated),
    /// `deal.stage_changed`: A deal moves to a different stage.
    DealStageChanged(DealStageChanged),
    /// `deal.won`: A deal is closed as won.
    DealWon(DealWon),
    /// `deal.lost`: A deal is closed as lost.
    DealLost(DealLost),
    /// `deal.deleted`: A deal is deleted.
    DealDeleted(DealDeleted),
    /// `lead.created`: A new lead is created.
    LeadCreated(LeadCreated),
    /// `lead.updated`: Any lead field is updated.
    LeadUpdated(LeadUpdated),
    /// `lead.status_changed`: Lead status changes.
    LeadStatusChanged(LeadStatusChanged),
    /// `lead.converted`: A lead is converted to a deal.
    LeadConverted(LeadConverted),
    /// `lead.deleted`: A lead is deleted.
    LeadDeleted(LeadDeleted),
    /// `user.created`: A new user is invited.
    UserCreated(UserCreated),
    /// `user.activated`: A user accepts their invitation.
    UserActivated(UserActivated),
    /// `user.updated`: User profile or role changes.
    UserUpdated(UserUpdated),
    /// `user.deactivated`: A user is deactivated.
    UserDeactivated(UserDeactivated),
    /// `badge.earned`: A user earns a badge.
    BadgeEarned(BadgeEarned),
    /// `ranking.changed`: A user's ranking position changes.
    RankingChanged(RankingChanged),
    /// `challenge.completed`: A user completes a challenge goal.
    ChallengeCompleted(ChallengeCompleted),
    /// A kind the schema does not list (or none): the body as parsed.
    Other {
        /// The delivery's kind, when the envelope has one.
        kind: Option<String>,
        /// The body.
        payload: Value,
    },
}

/// Every kind the schema lists, in its order.
pub const KINDS: &[&str] = &[
    "deal.created",
    "deal.updated",
    "deal.stage_changed",
    "deal.won",
    "deal.lost",
    "deal.deleted",
    "lead.created",
    "lead.updated",
    "lead.status_changed",
    "lead.converted",
    "lead.deleted",
    "user.created",
    "user.activated",
    "user.updated",
    "user.deactivated",
    "badge.earned",
    "ranking.changed",
    "challenge.completed",
];

/// A body of every kind, in [`KINDS`] order: every listed field, fixed values
/// (core/events/samples/salesos.json).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "deal.created",
        r#"{"id":"id_af18d1db864d","type":"deal.created","created_at":"2026-05-19T13:42:08Z","data":{"id":"8a1136dc-19a6-4645-8817-315df39b4877","name":"name","value":87.5,"stage":"stage","owner_id":"22614a49-6373-47f8-8f48-5330610bbcd7","previous_stage":"previous stage"}}"#,
    ),
    (
        "deal.updated",
        r#"{"id":"id_6c43626af97d","type":"deal.updated","created_at":"2026-05-19T13:42:08Z","data":{"id":"3840bf2d-1497-485e-868d-6923c67c30a5","name":"name","value":87.5,"stage":"stage","owner_id":"46eb2767-9732-4790-8b39-17682af5481a","previous_stage":"previous stage"}}"#,
    ),
    (
        "deal.stage_changed",
        r#"{"id":"id_4ea2bb2bb0b2","type":"deal.stage_changed","created_at":"2026-05-19T13:42:08Z","data":{"id":"ad174523-af05-4aae-8037-fd0a3fb861ba","name":"name","value":87.5,"stage":"stage","owner_id":"e50e33f7-30b9-4cc7-8b3c-4659a919807a","previous_stage":"previous stage"}}"#,
    ),
    (
        "deal.won",
        r#"{"id":"id_5f36e9b65c38","type":"deal.won","created_at":"2026-05-19T13:42:08Z","data":{"id":"aa759e6c-5089-4a58-8743-6422efbb07e4","name":"name","value":87.5,"stage":"stage","owner_id":"352eded5-7619-4388-8bbe-9c593ca50b7f","previous_stage":"previous stage"}}"#,
    ),
    (
        "deal.lost",
        r#"{"id":"id_b33fad3896dd","type":"deal.lost","created_at":"2026-05-19T13:42:08Z","data":{"id":"e690599f-97ec-43c6-8eb9-d2b7174b7b3d","name":"name","value":87.5,"stage":"stage","owner_id":"dafbd16b-a040-4aba-8c53-e1a046102158","previous_stage":"previous stage"}}"#,
    ),
    (
        "deal.deleted",
        r#"{"id":"id_24c70d5232a6","type":"deal.deleted","created_at":"2026-05-19T13:42:08Z","data":{"id":"47f8555b-7b40-464d-8a66-20e1ad177bb0","name":"name","value":87.5,"stage":"stage","owner_id":"af4925ac-4568-49c0-8e93-7bb6c385a599","previous_stage":"previous stage"}}"#,
    ),
    (
        "lead.created",
        r#"{"id":"id_36aada4a3f51","type":"lead.created","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "lead.updated",
        r#"{"id":"id_aaba5c2206f1","type":"lead.updated","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "lead.status_changed",
        r#"{"id":"id_e0f3cde673fe","type":"lead.status_changed","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "lead.converted",
        r#"{"id":"id_d46469963dbe","type":"lead.converted","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "lead.deleted",
        r#"{"id":"id_70806530d38b","type":"lead.deleted","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "user.created",
        r#"{"id":"id_27179c4b7dd8","type":"user.created","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "user.activated",
        r#"{"id":"id_85a385a3cb10","type":"user.activated","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "user.updated",
        r#"{"id":"id_5976db6c4fc8","type":"user.updated","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "user.deactivated",
        r#"{"id":"id_fcaa73116932","type":"user.deactivated","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "badge.earned",
        r#"{"id":"id_5f4df4c642ef","type":"badge.earned","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "ranking.changed",
        r#"{"id":"id_888b3bb93d21","type":"ranking.changed","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
    (
        "challenge.completed",
        r#"{"id":"id_4e5e48b602c1","type":"challenge.completed","created_at":"2026-05-19T13:42:08Z","data":{}}"#,
    ),
];

impl Event {
    /// The kind, as the envelope reports it.
    pub fn kind(&self) -> Option<&str> {
        match self {
            Event::DealCreated(_) => Some("deal.created"),
            Event::DealUpdated(_) => Some("deal.updated"),
            Event::DealStageChanged(_) => Some("deal.stage_changed"),
            Event::DealWon(_) => Some("deal.won"),
            Event::DealLost(_) => Some("deal.lost"),
            Event::DealDeleted(_) => Some("deal.deleted"),
            Event::LeadCreated(_) => Some("lead.created"),
            Event::LeadUpdated(_) => Some("lead.updated"),
            Event::LeadStatusChanged(_) => Some("lead.status_changed"),
            Event::LeadConverted(_) => Some("lead.converted"),
            Event::LeadDeleted(_) => Some("lead.deleted"),
            Event::UserCreated(_) => Some("user.created"),
            Event::UserActivated(_) => Some("user.activated"),
            Event::UserUpdated(_) => Some("user.updated"),
            Event::UserDeactivated(_) => Some("user.deactivated"),
            Event::BadgeEarned(_) => Some("badge.earned"),
            Event::RankingChanged(_) => Some("ranking.changed"),
            Event::ChallengeCompleted(_) => Some("challenge.completed"),
            Event::Other { kind, .. } => kind.as_deref(),
        }
    }

    /// The event as JSON: the typed fields (absent optional ones left out).
    pub fn to_value(&self) -> Value {
        match self {
            Event::DealCreated(e) => crate::to_value(e),
            Event::DealUpdated(e) => crate::to_value(e),
            Event::DealStageChanged(e) => crate::to_value(e),
            Event::DealWon(e) => crate::to_value(e),
            Event::DealLost(e) => crate::to_value(e),
            Event::DealDeleted(e) => crate::to_value(e),
            Event::LeadCreated(e) => crate::to_value(e),
            Event::LeadUpdated(e) => crate::to_value(e),
            Event::LeadStatusChanged(e) => crate::to_value(e),
            Event::LeadConverted(e) => crate::to_value(e),
            Event::LeadDeleted(e) => crate::to_value(e),
            Event::UserCreated(e) => crate::to_value(e),
            Event::UserActivated(e) => crate::to_value(e),
            Event::UserUpdated(e) => crate::to_value(e),
            Event::UserDeactivated(e) => crate::to_value(e),
            Event::BadgeEarned(e) => crate::to_value(e),
            Event::RankingChanged(e) => crate::to_value(e),
            Event::ChallengeCompleted(e) => crate::to_value(e),
            Event::Other { payload, .. } => payload.clone(),
        }
    }

    /// The typed event of a listed `kind`, `None` for another kind.
    pub(crate) fn typed(kind: &str, body: &[u8]) -> Option<Result<Event, crate::Mismatch>> {
        Some(match kind {
            "deal.created" => crate::typed(body).map(Event::DealCreated),
            "deal.updated" => crate::typed(body).map(Event::DealUpdated),
            "deal.stage_changed" => crate::typed(body).map(Event::DealStageChanged),
            "deal.won" => crate::typed(body).map(Event::DealWon),
            "deal.lost" => crate::typed(body).map(Event::DealLost),
            "deal.deleted" => crate::typed(body).map(Event::DealDeleted),
            "lead.created" => crate::typed(body).map(Event::LeadCreated),
            "lead.updated" => crate::typed(body).map(Event::LeadUpdated),
            "lead.status_changed" => crate::typed(body).map(Event::LeadStatusChanged),
            "lead.converted" => crate::typed(body).map(Event::LeadConverted),
            "lead.deleted" => crate::typed(body).map(Event::LeadDeleted),
            "user.created" => crate::typed(body).map(Event::UserCreated),
            "user.activated" => crate::typed(body).map(Event::UserActivated),
            "user.updated" => crate::typed(body).map(Event::UserUpdated),
            "user.deactivated" => crate::typed(body).map(Event::UserDeactivated),
            "badge.earned" => crate::typed(body).map(Event::BadgeEarned),
            "ranking.changed" => crate::typed(body).map(Event::RankingChanged),
            "challenge.completed" => crate::typed(body).map(Event::ChallengeCompleted),
            _ => return None,
        })
    }
}

/// The event a delivery of `kind` (the verified envelope's) carries in `body`: typed
/// for a listed kind, [`Event::Other`] for any other. A body that is not JSON, or
/// that breaks its kind's types, is `invalid_payload` naming the JSON path.
pub fn parse(kind: Option<&str>, body: &[u8]) -> Result<Event, hookseal::Error> {
    crate::parse_with(kind, body, Event::typed, |kind, payload| Event::Other {
        kind,
        payload,
    })
}
