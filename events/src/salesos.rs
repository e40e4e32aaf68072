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

// `Event`, `KINDS` and `parse` (events/src/lib.rs, `provider_events!`).
crate::provider_events! {
    /// `deal.created`: A new deal is created.
    DealCreated = "deal.created",
    /// `deal.updated`: Any deal field is updated.
    DealUpdated = "deal.updated",
    /// `deal.stage_changed`: A deal moves to a different stage.
    DealStageChanged = "deal.stage_changed",
    /// `deal.won`: A deal is closed as won.
    DealWon = "deal.won",
    /// `deal.lost`: A deal is closed as lost.
    DealLost = "deal.lost",
    /// `deal.deleted`: A deal is deleted.
    DealDeleted = "deal.deleted",
    /// `lead.created`: A new lead is created.
    LeadCreated = "lead.created",
    /// `lead.updated`: Any lead field is updated.
    LeadUpdated = "lead.updated",
    /// `lead.status_changed`: Lead status changes.
    LeadStatusChanged = "lead.status_changed",
    /// `lead.converted`: A lead is converted to a deal.
    LeadConverted = "lead.converted",
    /// `lead.deleted`: A lead is deleted.
    LeadDeleted = "lead.deleted",
    /// `user.created`: A new user is invited.
    UserCreated = "user.created",
    /// `user.activated`: A user accepts their invitation.
    UserActivated = "user.activated",
    /// `user.updated`: User profile or role changes.
    UserUpdated = "user.updated",
    /// `user.deactivated`: A user is deactivated.
    UserDeactivated = "user.deactivated",
    /// `badge.earned`: A user earns a badge.
    BadgeEarned = "badge.earned",
    /// `ranking.changed`: A user's ranking position changes.
    RankingChanged = "ranking.changed",
    /// `challenge.completed`: A user completes a challenge goal.
    ChallengeCompleted = "challenge.completed",
}
