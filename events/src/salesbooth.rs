// Written by scripts/events/generate.py from core/events/salesbooth.json: do not edit.

//! Every Salesbooth delivery is {event, timestamp, tenant_id, data}; the kind is `event`.
//! Each type's data carries the key fields the document lists (types read from their names,
//! none required) and stays open. Written from the Salesbooth webhook integration guide.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Every delivery: the envelope around its kind's `data`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D> {
    /// The event type.
    pub event: String,
    /// When the event occurred (ISO 8601 with offset).
    pub timestamp: String,
    /// The tenant the event belongs to.
    pub tenant_id: String,
    /// The event's id, for de-duplication (the document's idempotency example reads it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The kind's payload.
    pub data: D,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Deal events: Deal submitted by customer.
pub type DealCreated = Envelope<DealCreatedData>;

/// Deal events: Deal fields modified.
pub type DealUpdated = Envelope<DealUpdatedData>;

/// Deal events: Status transitions (e.g. pending → won).
pub type DealStatusChanged = Envelope<DealStatusChangedData>;

/// Deal events: Deal closed by seller or customer.
pub type DealClosed = Envelope<DealClosedData>;

/// Deal events: Deal marked as fulfilled.
pub type DealFulfilled = Envelope<DealFulfilledData>;

/// Deal events: Deal passed its expiry date without acceptance.
pub type DealExpired = Envelope<DealExpiredData>;

/// Deal events: Deal reverted to unsigned state.
pub type DealUnsigned = Envelope<DealUnsignedData>;

/// Deal events: A party signed the deal.
pub type DealSignatureAdded = Envelope<DealSignatureAddedData>;

/// Deal events: Signing deadline passed without all signatures.
pub type DealSignatureTimeout = Envelope<DealSignatureTimeoutData>;

/// Deal events: Product line item added to deal.
pub type DealItemAdded = Envelope<DealItemAddedData>;

/// Deal events: Line item removed from deal.
pub type DealItemRemoved = Envelope<DealItemRemovedData>;

/// Deal events: Line item quantity or price changed.
pub type DealItemUpdated = Envelope<DealItemUpdatedData>;

/// Deal events: Discount code or manual discount applied.
pub type DealDiscountApplied = Envelope<DealDiscountAppliedData>;

/// Deal events: Deal accepted with subset of items.
pub type DealPartiallyAccepted = Envelope<DealPartiallyAcceptedData>;

/// Deal events: Deal created from a saved configuration.
pub type DealCreatedConfigured = Envelope<DealCreatedConfiguredData>;

/// Deal events: Customer proposed a counter-offer.
pub type DealNegotiationProposed = Envelope<DealNegotiationProposedData>;

/// Deal events: Seller issued a counter-proposal.
pub type DealNegotiationCounterProposed = Envelope<DealNegotiationCounterProposedData>;

/// Deal events: Negotiation accepted by either party.
pub type DealNegotiationAccepted = Envelope<DealNegotiationAcceptedData>;

/// Deal events: Negotiation rejected.
pub type DealNegotiationRejected = Envelope<DealNegotiationRejectedData>;

/// Deal settlement events: Settlement record created for a deal.
pub type DealSettlementCreated = Envelope<DealSettlementCreatedData>;

/// Deal settlement events: Settlement payout process started.
pub type DealSettlementInitiated = Envelope<DealSettlementInitiatedData>;

/// Deal settlement events: Settlement payout completed successfully.
pub type DealSettlementCompleted = Envelope<DealSettlementCompletedData>;

/// Deal settlement events: Settlement payout failed.
pub type DealSettlementFailed = Envelope<DealSettlementFailedData>;

/// Deal settlement events: All parties in a multi-party deal settled.
pub type DealSettlementAllCompleted = Envelope<DealSettlementAllCompletedData>;

/// Deal participant events: Party invited to join a multi-party deal.
pub type DealParticipantInvited = Envelope<DealParticipantInvitedData>;

/// Deal participant events: Invited participant accepted.
pub type DealParticipantAccepted = Envelope<DealParticipantAcceptedData>;

/// Deal participant events: Participant withdrew from deal.
pub type DealParticipantWithdrawn = Envelope<DealParticipantWithdrawnData>;

/// Deal participant events: Participant fulfilled their obligations.
pub type DealParticipantCompleted = Envelope<DealParticipantCompletedData>;

/// Payment events: Payment successfully captured.
pub type PaymentReceived = Envelope<PaymentReceivedData>;

/// Payment events: Payment received against a deal.
pub type DealPaymentReceived = Envelope<DealPaymentReceivedData>;

/// Payment events: Payment capture failed.
pub type DealPaymentFailed = Envelope<DealPaymentFailedData>;

/// Payment events: Refund issued.
pub type DealPaymentRefunded = Envelope<DealPaymentRefundedData>;

/// Payment events: Payment past its due date.
pub type DealPaymentOverdue = Envelope<DealPaymentOverdueData>;

/// Negotiation events: New negotiation proposal submitted.
pub type NegotiationProposed = Envelope<Map<String, Value>>;

/// Negotiation events: Counter-proposal issued.
pub type NegotiationCountered = Envelope<Map<String, Value>>;

/// Negotiation events: Negotiation terms accepted.
pub type NegotiationAccepted = Envelope<Map<String, Value>>;

/// Negotiation events: Negotiation proposal rejected.
pub type NegotiationRejected = Envelope<Map<String, Value>>;

/// Negotiation events: Negotiation timed out without resolution.
pub type NegotiationExpired = Envelope<Map<String, Value>>;

/// Contract events: Contract fully signed by all required parties.
pub type ContractSigned = Envelope<Map<String, Value>>;

/// Contract events: Contract entered active state.
pub type ContractActivated = Envelope<Map<String, Value>>;

/// Contract events: Contract terminated before natural end.
pub type ContractTerminated = Envelope<Map<String, Value>>;

/// Contract events: Contract content hash mismatch detected.
pub type ContractTamperDetected = Envelope<Map<String, Value>>;

/// Subscription events: New subscription started.
pub type SubscriptionCreated = Envelope<Map<String, Value>>;

/// Subscription events: Billing cycle renewed.
pub type SubscriptionRenewed = Envelope<Map<String, Value>>;

/// Subscription events: Renewal reminder (configurable days before).
pub type SubscriptionRenewalUpcoming = Envelope<Map<String, Value>>;

/// Subscription events: Subscription paused.
pub type SubscriptionPaused = Envelope<Map<String, Value>>;

/// Subscription events: Paused subscription resumed.
pub type SubscriptionResumed = Envelope<Map<String, Value>>;

/// Subscription events: Subscription cancelled.
pub type SubscriptionCancelled = Envelope<Map<String, Value>>;

/// Subscription events: Plan upgraded to higher tier.
pub type SubscriptionUpgraded = Envelope<Map<String, Value>>;

/// Subscription events: Plan downgraded to lower tier.
pub type SubscriptionDowngraded = Envelope<Map<String, Value>>;

/// Subscription events: Subscription terms changed.
pub type SubscriptionChanged = Envelope<Map<String, Value>>;

/// Subscription events: Payment past due, subscription at risk.
pub type SubscriptionPastDue = Envelope<Map<String, Value>>;

/// Subscription events: Subscription suspended due to non-payment.
pub type SubscriptionSuspended = Envelope<Map<String, Value>>;

/// Subscription events: Billing cycle period changed.
pub type SubscriptionCycleChanged = Envelope<Map<String, Value>>;

/// Subscription events: Subscription payment failed.
pub type SubscriptionPaymentFailed = Envelope<Map<String, Value>>;

/// Subscription events: Failed payment retried.
pub type SubscriptionPaymentRetried = Envelope<Map<String, Value>>;

/// Subscription events: Proration credit issued on plan change.
pub type SubscriptionProrationCredit = Envelope<Map<String, Value>>;

/// Subscription events: Usage meter added to subscription.
pub type SubscriptionMeterAdded = Envelope<Map<String, Value>>;

/// Subscription events: Usage meter removed from subscription.
pub type SubscriptionMeterRemoved = Envelope<Map<String, Value>>;

/// Subscription events: Metered usage event recorded.
pub type SubscriptionUsageRecorded = Envelope<Map<String, Value>>;

/// Subscription events: Metered usage charges billed.
pub type SubscriptionUsageChargesApplied = Envelope<Map<String, Value>>;

/// Customer events: New customer record created.
pub type CustomerCreated = Envelope<Map<String, Value>>;

/// Customer events: Customer data updated.
pub type CustomerUpdated = Envelope<Map<String, Value>>;

/// Customer events: Customer record deleted or GDPR-erased.
pub type CustomerDeleted = Envelope<Map<String, Value>>;

/// Booking events: New booking confirmed.
pub type BookingCreated = Envelope<Map<String, Value>>;

/// Booking events: Booking cancelled by customer or staff.
pub type BookingCancelled = Envelope<Map<String, Value>>;

/// Booking events: Appointment completed successfully.
pub type BookingCompleted = Envelope<Map<String, Value>>;

/// Booking events: Customer did not attend the booking.
pub type BookingNoShow = Envelope<Map<String, Value>>;

/// Booking events: Booking placed on hold.
pub type BookingHeld = Envelope<Map<String, Value>>;

/// Booking events: Booking hold expired without confirmation.
pub type BookingHoldExpired = Envelope<Map<String, Value>>;

/// Escrow events: Escrow hold created for a deal.
pub type EscrowCreated = Envelope<Map<String, Value>>;

/// Escrow events: Escrow funds released to seller.
pub type EscrowReleased = Envelope<Map<String, Value>>;

/// Escrow events: Escrow funds returned to buyer.
pub type EscrowRefunded = Envelope<Map<String, Value>>;

/// Escrow events: Release condition met.
pub type EscrowConditionFulfilled = Envelope<Map<String, Value>>;

/// Escrow events: Card reauthorization required before expiry.
pub type EscrowReauthorizationPending = Envelope<Map<String, Value>>;

/// Escrow events: Escrow successfully reauthorized.
pub type EscrowReauthorized = Envelope<Map<String, Value>>;

/// Escrow events: Reauthorization attempt failed.
pub type EscrowReauthorizationFailed = Envelope<Map<String, Value>>;

/// Saved configuration events: Customer saved a product configuration.
pub type SavedConfigCreated = Envelope<Map<String, Value>>;

/// Saved configuration events: Saved configuration link opened.
pub type SavedConfigViewed = Envelope<Map<String, Value>>;

/// Saved configuration events: Saved configuration resulted in a deal.
pub type SavedConfigConverted = Envelope<Map<String, Value>>;

/// Saved configuration events: Saved configuration approaching expiry.
pub type SavedConfigExpiring = Envelope<Map<String, Value>>;

/// Saved configuration events: Saved configuration expired.
pub type SavedConfigExpired = Envelope<Map<String, Value>>;

/// Delegation events: Delegation proposal sent to another party.
pub type DelegationProposed = Envelope<Map<String, Value>>;

/// Delegation events: Delegation proposal accepted.
pub type DelegationAccepted = Envelope<Map<String, Value>>;

/// Delegation events: Delegation proposal rejected.
pub type DelegationRejected = Envelope<Map<String, Value>>;

/// Delegation events: Counter-proposal to a delegation submitted.
pub type DelegationCountered = Envelope<Map<String, Value>>;

/// Delegation events: Delegation authority granted.
pub type DelegationGranted = Envelope<Map<String, Value>>;

/// Delegation events: Delegation authority revoked.
pub type DelegationRevoked = Envelope<Map<String, Value>>;

/// Delegation events: Delegation expired without acceptance.
pub type DelegationExpired = Envelope<Map<String, Value>>;

/// Delegation events: Delegated spending approaching budget limit.
pub type DelegationBudgetWarning = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow execution plan created.
pub type AgentWorkflowPlanned = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow finished successfully.
pub type AgentWorkflowCompleted = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow terminated with an error.
pub type AgentWorkflowFailed = Envelope<Map<String, Value>>;

/// Agent & workflow events: Individual workflow step completed.
pub type AgentWorkflowStepCompleted = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow step retried after failure.
pub type AgentWorkflowStepRetried = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow moved to dead-letter queue.
pub type AgentWorkflowDeadLettered = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow cancelled by operator.
pub type AgentWorkflowCancelled = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow running in degraded mode.
pub type AgentWorkflowDegraded = Envelope<Map<String, Value>>;

/// Agent & workflow events: Human approval gate passed.
pub type AgentWorkflowApproved = Envelope<Map<String, Value>>;

/// Agent & workflow events: Workflow paused awaiting human approval.
pub type AgentApprovalRequired = Envelope<Map<String, Value>>;

/// Agent & workflow events: Approval request resent.
pub type AgentApprovalResent = Envelope<Map<String, Value>>;

/// Agent & workflow events: Approval escalated to higher authority.
pub type AgentApprovalEscalated = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent trust level changed.
pub type AgentTrustLevelChanged = Envelope<Map<String, Value>>;

/// Agent & workflow events: Abuse pattern detected from agent.
pub type AgentTrustAbuseDetected = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent trust score decaying.
pub type AgentTrustDecayWarning = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent spending cap exceeded.
pub type AgentTrustCapExceeded = Envelope<Map<String, Value>>;

/// Agent & workflow events: Anomalous agent behaviour detected.
pub type AgentAnomalyDetected = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent reached spending ceiling.
pub type AgentSpendingCeiling = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent-initiated sell workflow received a proposal.
pub type WorkflowSellProposalReceived = Envelope<Map<String, Value>>;

/// Agent & workflow events: Agent fulfilment workflow delivered.
pub type WorkflowFulfillDelivered = Envelope<Map<String, Value>>;

/// Product catalog events: New product family created.
pub type ProductFamilyCreated = Envelope<Map<String, Value>>;

/// Product catalog events: Product family updated.
pub type ProductFamilyUpdated = Envelope<Map<String, Value>>;

/// Product catalog events: Product family deleted.
pub type ProductFamilyDeleted = Envelope<Map<String, Value>>;

/// Product catalog events: Option group created.
pub type OptionGroupCreated = Envelope<Map<String, Value>>;

/// Product catalog events: Option group updated.
pub type OptionGroupUpdated = Envelope<Map<String, Value>>;

/// Product catalog events: Option group deleted.
pub type OptionGroupDeleted = Envelope<Map<String, Value>>;

/// Product catalog events: Option created within a group.
pub type OptionCreated = Envelope<Map<String, Value>>;

/// Product catalog events: Option updated.
pub type OptionUpdated = Envelope<Map<String, Value>>;

/// Product catalog events: Option deleted.
pub type OptionDeleted = Envelope<Map<String, Value>>;

/// Product catalog events: Compatibility rule created.
pub type CompatibilityRuleCreated = Envelope<Map<String, Value>>;

/// Product catalog events: Compatibility rule updated.
pub type CompatibilityRuleUpdated = Envelope<Map<String, Value>>;

/// Product catalog events: Compatibility rule deleted.
pub type CompatibilityRuleDeleted = Envelope<Map<String, Value>>;

/// Product catalog events: Bundle rule created.
pub type BundleRuleCreated = Envelope<Map<String, Value>>;

/// Product catalog events: Bundle rule updated.
pub type BundleRuleUpdated = Envelope<Map<String, Value>>;

/// Product catalog events: Bundle rule deleted.
pub type BundleRuleDeleted = Envelope<Map<String, Value>>;

/// Billing events: Account credit balance below threshold.
pub type BillingLowBalance = Envelope<Map<String, Value>>;

/// Billing events: Credits added to account.
pub type BillingCreditAdded = Envelope<Map<String, Value>>;

/// Billing events: Credits deducted from account.
pub type BillingCreditDeducted = Envelope<Map<String, Value>>;

/// Billing events: Automatic top-up triggered.
pub type BillingAutoTopup = Envelope<Map<String, Value>>;

/// Billing events: Widget entering degraded mode due to low balance.
pub type BillingWidgetDegraded = Envelope<Map<String, Value>>;

/// Trust events: Tenant trust level changed.
pub type TenantTrustLevelChanged = Envelope<Map<String, Value>>;

/// Trust events: Tenant promoted to higher trust tier.
pub type TenantTrustPromoted = Envelope<Map<String, Value>>;

/// Trust events: Tenant trust score decaying.
pub type TenantTrustLevelDecayWarning = Envelope<Map<String, Value>>;

/// Trust events: Entity demoted to lower trust level.
pub type TrustDemoted = Envelope<Map<String, Value>>;

/// Trust events: Fraud signal recorded against entity.
pub type TrustFraudSignal = Envelope<Map<String, Value>>;

/// System events: Verifiable credential issued.
pub type CredentialIssued = Envelope<Map<String, Value>>;

/// System events: API key rotated.
pub type ApiKeyRotated = Envelope<Map<String, Value>>;

/// System events: Encryption rekey operation completed.
pub type EncryptionRekeyCompleted = Envelope<Map<String, Value>>;

/// System events: Customer consent approaching expiry.
pub type ConsentExpiringSoon = Envelope<Map<String, Value>>;

/// System events: Customer consent expired.
pub type ConsentExpired = Envelope<Map<String, Value>>;

/// System events: Background job completed successfully.
pub type JobCompleted = Envelope<Map<String, Value>>;

/// System events: Background job failed.
pub type JobFailed = Envelope<Map<String, Value>>;

/// System events: Job queue depth exceeded alert threshold.
pub type QueueDepthAlert = Envelope<Map<String, Value>>;

/// System events: Job moved to dead-letter queue.
pub type SystemJobDeadLetter = Envelope<Map<String, Value>>;

/// System events: Circuit breaker opened for a downstream service.
pub type ServiceCircuitOpened = Envelope<Map<String, Value>>;

/// System events: Circuit breaker closed — service recovered.
pub type ServiceCircuitClosed = Envelope<Map<String, Value>>;

/// System events: Circuit breaker backoff interval increased.
pub type CircuitBreakerBackoffIncreased = Envelope<Map<String, Value>>;

/// System events: Unusual spike in CSP violation reports.
pub type SecurityCspSpike = Envelope<Map<String, Value>>;

/// The deal.created data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealCreatedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The customer's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    /// The deal's total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// The currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The deal's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.updated data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealUpdatedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The fields that changed; the document gives no shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Map<String, Value>>,
    /// Who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.status_changed data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealStatusChangedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The status before (for example pending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_status: Option<String>,
    /// The status after (for example won).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_status: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.closed data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealClosedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Who closed the deal: the seller or the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.fulfilled data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealFulfilledData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// When the deal was fulfilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fulfilled_at: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.expired data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealExpiredData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// When the deal expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_at: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.unsigned data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealUnsignedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.signature_added data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSignatureAddedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// When the party signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
    /// The signer's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_email: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.signature_timeout data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSignatureTimeoutData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The signing deadline that passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.item_added data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealItemAddedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The line item's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The product's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
    /// The item's quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.item_removed data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealItemRemovedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The line item's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.item_updated data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealItemUpdatedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The line item's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// The fields that changed; the document gives no shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Map<String, Value>>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.discount_applied data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealDiscountAppliedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The discount's amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_amount: Option<f64>,
    /// The kind of discount (a code or a manual discount).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_type: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.partially_accepted data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealPartiallyAcceptedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The items the customer accepted; the document gives no item shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_items: Option<Vec<Value>>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.created_configured data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealCreatedConfiguredData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The saved configuration the deal was created from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_config_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.negotiation_proposed data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealNegotiationProposedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The proposed total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_total: Option<f64>,
    /// The proposed terms; the document gives no type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Value>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.negotiation_counter_proposed data: the key fields the document lists (none
/// marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealNegotiationCounterProposedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The proposed total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_total: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.negotiation_accepted data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealNegotiationAcceptedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The agreed total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_total: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.negotiation_rejected data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealNegotiationRejectedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// Who rejected the negotiation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_by: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.settlement_created data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSettlementCreatedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The settlement's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.settlement_initiated data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSettlementInitiatedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The settlement's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_id: Option<String>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.settlement_completed data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSettlementCompletedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The settlement's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_id: Option<String>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.settlement_failed data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSettlementFailedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The settlement's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement_id: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.settlement_all_completed data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSettlementAllCompletedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.participant_invited data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealParticipantInvitedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The participant's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// The invited party's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.participant_accepted data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealParticipantAcceptedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The participant's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.participant_withdrawn data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealParticipantWithdrawnData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The participant's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.participant_completed data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealParticipantCompletedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The participant's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The payment.received data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentReceivedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The payment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.payment_received data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealPaymentReceivedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.payment_failed data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealPaymentFailedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The payment failure's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_code: Option<String>,
    /// The payment failure's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_message: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.payment_refunded data: the key fields the document lists (none marked
/// required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealPaymentRefundedData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// The refunded amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_amount: Option<f64>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The deal.payment_overdue data: the key fields the document lists (none marked required).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealPaymentOverdueData {
    /// The deal's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// When the payment was due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// The amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// The fields the schema does not list, as sent (every object is open).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A body of every kind, in [`KINDS`] order: every listed field, fixed values
/// (core/events/samples/salesbooth.json).
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "deal.created",
        r#"{"event":"deal.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_90d85771e36c","id":"id_58e479e45885","data":{"deal_id":"deal_id_946a42b4bc78","customer_id":"customer_id_30b54e3637fe","total":87.5,"currency":"currency","status":"status"}}"#,
    ),
    (
        "deal.updated",
        r#"{"event":"deal.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_a6696db07f26","id":"id_321d0e42cab2","data":{"deal_id":"deal_id_958d86e0d953","changes":{},"updated_by":"updated by"}}"#,
    ),
    (
        "deal.status_changed",
        r#"{"event":"deal.status_changed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_2e9ac561560e","id":"id_6f3198c6f0f4","data":{"deal_id":"deal_id_94781503954f","from_status":"from status","to_status":"to status"}}"#,
    ),
    (
        "deal.closed",
        r#"{"event":"deal.closed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b1fc8f7e0b96","id":"id_b509989ebe26","data":{"deal_id":"deal_id_25032dbee316","reason":"reason","cancelled_by":"cancelled by"}}"#,
    ),
    (
        "deal.fulfilled",
        r#"{"event":"deal.fulfilled","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9650a61b3b4c","id":"id_e013bd8311aa","data":{"deal_id":"deal_id_4c7d3d11a653","fulfilled_at":"fulfilled at"}}"#,
    ),
    (
        "deal.expired",
        r#"{"event":"deal.expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_92aacfbeb372","id":"id_57f6127eafb7","data":{"deal_id":"deal_id_83c95558972c","expired_at":"expired at"}}"#,
    ),
    (
        "deal.unsigned",
        r#"{"event":"deal.unsigned","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c0133eaf70d1","id":"id_1c2e12ceeaf0","data":{"deal_id":"deal_id_39cd92a96688"}}"#,
    ),
    (
        "deal.signature_added",
        r#"{"event":"deal.signature_added","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_17dc61fbed7f","id":"id_316cae8dfc47","data":{"deal_id":"deal_id_81c736c39d8f","signed_at":"signed at","signer_email":"signer email"}}"#,
    ),
    (
        "deal.signature_timeout",
        r#"{"event":"deal.signature_timeout","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_88502be95abe","id":"id_a29beca10945","data":{"deal_id":"deal_id_e10f6d9dd6e9","deadline":"deadline"}}"#,
    ),
    (
        "deal.item_added",
        r#"{"event":"deal.item_added","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_0f115009b05e","id":"id_f4e154c79337","data":{"deal_id":"deal_id_44a8b4d3a17e","item_id":"item_id_00fc806bcadf","product_id":"product_id_0b1762470933","quantity":87.5}}"#,
    ),
    (
        "deal.item_removed",
        r#"{"event":"deal.item_removed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_309c953186bf","id":"id_5e4f3d68dbd1","data":{"deal_id":"deal_id_ad44ac340348","item_id":"item_id_bf5a96327d4c"}}"#,
    ),
    (
        "deal.item_updated",
        r#"{"event":"deal.item_updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7e87c0ae1ac7","id":"id_b2dc76abd9a3","data":{"deal_id":"deal_id_aada8b319bd4","item_id":"item_id_05dab4e4af3c","changes":{}}}"#,
    ),
    (
        "deal.discount_applied",
        r#"{"event":"deal.discount_applied","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_70b444446a0a","id":"id_b3c445a0c997","data":{"deal_id":"deal_id_218ce8b2f173","discount_amount":87.5,"discount_type":"discount type"}}"#,
    ),
    (
        "deal.partially_accepted",
        r#"{"event":"deal.partially_accepted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_005674918ccb","id":"id_57aeac9a32c0","data":{"deal_id":"deal_id_8dc4bbbbd0ad","accepted_items":[]}}"#,
    ),
    (
        "deal.created_configured",
        r#"{"event":"deal.created_configured","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_bbe4e94b6cb9","id":"id_15f254fcf61b","data":{"deal_id":"deal_id_717cec94cbcd","saved_config_id":"saved_config_id_3ff2ddee85d8"}}"#,
    ),
    (
        "deal.negotiation_proposed",
        r#"{"event":"deal.negotiation_proposed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f6f2b9759b66","id":"id_db4b8daace43","data":{"deal_id":"deal_id_c7176683a06e","proposed_total":87.5,"terms":"terms"}}"#,
    ),
    (
        "deal.negotiation_counter_proposed",
        r#"{"event":"deal.negotiation_counter_proposed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_dfc5f39cb15e","id":"id_087b950354c2","data":{"deal_id":"deal_id_beda3acf49a5","proposed_total":87.5}}"#,
    ),
    (
        "deal.negotiation_accepted",
        r#"{"event":"deal.negotiation_accepted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_8ce30947a560","id":"id_1d04eb39c14e","data":{"deal_id":"deal_id_9b25ee06faa6","final_total":87.5}}"#,
    ),
    (
        "deal.negotiation_rejected",
        r#"{"event":"deal.negotiation_rejected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_59dcea53b42c","id":"id_e1bc9434d7aa","data":{"deal_id":"deal_id_8e58a677e2e7","rejected_by":"rejected by"}}"#,
    ),
    (
        "deal.settlement_created",
        r#"{"event":"deal.settlement_created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_804c5823eb20","id":"id_ae03ab8c283c","data":{"deal_id":"deal_id_f85c1b263350","settlement_id":"settlement_id_9f85e49f23c3"}}"#,
    ),
    (
        "deal.settlement_initiated",
        r#"{"event":"deal.settlement_initiated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4c6b34490a58","id":"id_5a8358371979","data":{"deal_id":"deal_id_2bc3d2e35212","settlement_id":"settlement_id_4a7fbaa8e2df","amount":87.5}}"#,
    ),
    (
        "deal.settlement_completed",
        r#"{"event":"deal.settlement_completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_d13efc6dfe22","id":"id_c122f786f725","data":{"deal_id":"deal_id_fd9f3264ec93","settlement_id":"settlement_id_317389c26094","amount":87.5,"currency":"currency"}}"#,
    ),
    (
        "deal.settlement_failed",
        r#"{"event":"deal.settlement_failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b5d9d225d3a0","id":"id_da9ce1a863d4","data":{"deal_id":"deal_id_045b5107e4c3","settlement_id":"settlement_id_d3e1161a618f","reason":"reason"}}"#,
    ),
    (
        "deal.settlement_all_completed",
        r#"{"event":"deal.settlement_all_completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_32ee14d062d4","id":"id_bb0c50475349","data":{"deal_id":"deal_id_683cd865c751"}}"#,
    ),
    (
        "deal.participant_invited",
        r#"{"event":"deal.participant_invited","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f717a70e4801","id":"id_4f920cbb000a","data":{"deal_id":"deal_id_94bc655cb828","participant_id":"participant_id_9fb1ed4a064b","email":"email"}}"#,
    ),
    (
        "deal.participant_accepted",
        r#"{"event":"deal.participant_accepted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3ecd7e08521e","id":"id_5f1689c2276f","data":{"deal_id":"deal_id_6ccd4d9fc080","participant_id":"participant_id_6faa1b908df5"}}"#,
    ),
    (
        "deal.participant_withdrawn",
        r#"{"event":"deal.participant_withdrawn","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_def4f072e2d9","id":"id_98a3f4c1d169","data":{"deal_id":"deal_id_c181bc7e4020","participant_id":"participant_id_4115d7dc9a24"}}"#,
    ),
    (
        "deal.participant_completed",
        r#"{"event":"deal.participant_completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_ec1d26a4c4af","id":"id_14463de1ee50","data":{"deal_id":"deal_id_92f1bdc7f1d0","participant_id":"participant_id_c5ffbdfba8c8"}}"#,
    ),
    (
        "payment.received",
        r#"{"event":"payment.received","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_027d489ff9fb","id":"id_96b5d14d4596","data":{"deal_id":"deal_id_5bbabc4fa862","amount":87.5,"currency":"currency","payment_method":"payment method"}}"#,
    ),
    (
        "deal.payment_received",
        r#"{"event":"deal.payment_received","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_5fae091c4243","id":"id_0f8ca04a414e","data":{"deal_id":"deal_id_22de915800d1","amount":87.5,"currency":"currency"}}"#,
    ),
    (
        "deal.payment_failed",
        r#"{"event":"deal.payment_failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_a1cfce9ba9f2","id":"id_0071f92e7d71","data":{"deal_id":"deal_id_5df06ecf87b0","failure_code":"failure code","failure_message":"failure message"}}"#,
    ),
    (
        "deal.payment_refunded",
        r#"{"event":"deal.payment_refunded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_78fb122d6563","id":"id_ac81034eb912","data":{"deal_id":"deal_id_0d689ab4f963","refund_amount":87.5,"reason":"reason"}}"#,
    ),
    (
        "deal.payment_overdue",
        r#"{"event":"deal.payment_overdue","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_04cd43673012","id":"id_68a73909a67f","data":{"deal_id":"deal_id_71f52208eb8a","due_date":"due date","amount":87.5}}"#,
    ),
    (
        "negotiation.proposed",
        r#"{"event":"negotiation.proposed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c82d58ddd73f","id":"id_d4c2a6af40c6","data":{}}"#,
    ),
    (
        "negotiation.countered",
        r#"{"event":"negotiation.countered","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_fbb3dc1bb84f","id":"id_63475d66ebb0","data":{}}"#,
    ),
    (
        "negotiation.accepted",
        r#"{"event":"negotiation.accepted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3558cf2f005a","id":"id_ddb9b92c7239","data":{}}"#,
    ),
    (
        "negotiation.rejected",
        r#"{"event":"negotiation.rejected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_cda472d553e5","id":"id_0589e302adcf","data":{}}"#,
    ),
    (
        "negotiation.expired",
        r#"{"event":"negotiation.expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_1942d5764e96","id":"id_77308c62e371","data":{}}"#,
    ),
    (
        "contract.signed",
        r#"{"event":"contract.signed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_68c7fdd0e349","id":"id_de0531472d10","data":{}}"#,
    ),
    (
        "contract.activated",
        r#"{"event":"contract.activated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b5ba3574c5f7","id":"id_900d8147f41c","data":{}}"#,
    ),
    (
        "contract.terminated",
        r#"{"event":"contract.terminated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_39720b86c68a","id":"id_f516ab2a3cb8","data":{}}"#,
    ),
    (
        "contract.tamper_detected",
        r#"{"event":"contract.tamper_detected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3e15b923efb7","id":"id_ca4cec92f527","data":{}}"#,
    ),
    (
        "subscription.created",
        r#"{"event":"subscription.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_45f133372254","id":"id_90edbcbd9b35","data":{}}"#,
    ),
    (
        "subscription.renewed",
        r#"{"event":"subscription.renewed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_d48f28e9bf52","id":"id_c07cea54b386","data":{}}"#,
    ),
    (
        "subscription.renewal_upcoming",
        r#"{"event":"subscription.renewal_upcoming","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_940907b5eb60","id":"id_d564c05f3bb3","data":{}}"#,
    ),
    (
        "subscription.paused",
        r#"{"event":"subscription.paused","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9d43c3888915","id":"id_6f4435c17b63","data":{}}"#,
    ),
    (
        "subscription.resumed",
        r#"{"event":"subscription.resumed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_59a2558f7c53","id":"id_dd8292405612","data":{}}"#,
    ),
    (
        "subscription.cancelled",
        r#"{"event":"subscription.cancelled","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_664191319a7f","id":"id_402ddb7137f9","data":{}}"#,
    ),
    (
        "subscription.upgraded",
        r#"{"event":"subscription.upgraded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c9fb1144b066","id":"id_1f18ff00e935","data":{}}"#,
    ),
    (
        "subscription.downgraded",
        r#"{"event":"subscription.downgraded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4856d630d4c5","id":"id_25da9da73665","data":{}}"#,
    ),
    (
        "subscription.changed",
        r#"{"event":"subscription.changed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_651901ba8964","id":"id_4eb0fb842ec3","data":{}}"#,
    ),
    (
        "subscription.past_due",
        r#"{"event":"subscription.past_due","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_32bc8ac52f29","id":"id_ff308e820df0","data":{}}"#,
    ),
    (
        "subscription.suspended",
        r#"{"event":"subscription.suspended","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_465bfae9b4c4","id":"id_ec8f0dd132a3","data":{}}"#,
    ),
    (
        "subscription.cycle_changed",
        r#"{"event":"subscription.cycle_changed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7766c09b8aa8","id":"id_9f2a268472b4","data":{}}"#,
    ),
    (
        "subscription.payment_failed",
        r#"{"event":"subscription.payment_failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f040926586e6","id":"id_773168c60de2","data":{}}"#,
    ),
    (
        "subscription.payment_retried",
        r#"{"event":"subscription.payment_retried","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_2dc9392c4e5a","id":"id_b67cf4746ae8","data":{}}"#,
    ),
    (
        "subscription.proration_credit",
        r#"{"event":"subscription.proration_credit","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_2e86efa9e0ec","id":"id_f6fb995cb7a7","data":{}}"#,
    ),
    (
        "subscription.meter_added",
        r#"{"event":"subscription.meter_added","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_ae44a900534d","id":"id_5ac0cd1114a0","data":{}}"#,
    ),
    (
        "subscription.meter_removed",
        r#"{"event":"subscription.meter_removed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_0bdfa37841d0","id":"id_6c74869ed49a","data":{}}"#,
    ),
    (
        "subscription.usage_recorded",
        r#"{"event":"subscription.usage_recorded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c2cdfa2d8489","id":"id_69ed5dfc6181","data":{}}"#,
    ),
    (
        "subscription.usage_charges_applied",
        r#"{"event":"subscription.usage_charges_applied","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_cad7c305dbf0","id":"id_3915c70b5065","data":{}}"#,
    ),
    (
        "customer.created",
        r#"{"event":"customer.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_980ec56621c2","id":"id_701d37f404b5","data":{}}"#,
    ),
    (
        "customer.updated",
        r#"{"event":"customer.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7cd1220ce744","id":"id_0453d9339544","data":{}}"#,
    ),
    (
        "customer.deleted",
        r#"{"event":"customer.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_85db33f80021","id":"id_1775e82b075f","data":{}}"#,
    ),
    (
        "booking.created",
        r#"{"event":"booking.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_82348bc0c1f7","id":"id_6ed558309de9","data":{}}"#,
    ),
    (
        "booking.cancelled",
        r#"{"event":"booking.cancelled","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_dc8ecdd6b46d","id":"id_31caace01c9e","data":{}}"#,
    ),
    (
        "booking.completed",
        r#"{"event":"booking.completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f296b58212ef","id":"id_58e5ca95acbd","data":{}}"#,
    ),
    (
        "booking.no_show",
        r#"{"event":"booking.no_show","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4ed28d2779f7","id":"id_f301bb31fec8","data":{}}"#,
    ),
    (
        "booking.held",
        r#"{"event":"booking.held","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f0b9198efd8e","id":"id_483a41973c4e","data":{}}"#,
    ),
    (
        "booking.hold_expired",
        r#"{"event":"booking.hold_expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_84f584d99567","id":"id_e381f14ea5a7","data":{}}"#,
    ),
    (
        "escrow.created",
        r#"{"event":"escrow.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6c0c76cdeedc","id":"id_7986c228f000","data":{}}"#,
    ),
    (
        "escrow.released",
        r#"{"event":"escrow.released","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4a3cb2196db7","id":"id_da3221ea1a91","data":{}}"#,
    ),
    (
        "escrow.refunded",
        r#"{"event":"escrow.refunded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c91858ba26a0","id":"id_9cfea77ad8aa","data":{}}"#,
    ),
    (
        "escrow.condition_fulfilled",
        r#"{"event":"escrow.condition_fulfilled","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_8e76897e7b70","id":"id_87b38d59c95b","data":{}}"#,
    ),
    (
        "escrow.reauthorization_pending",
        r#"{"event":"escrow.reauthorization_pending","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b6b624271860","id":"id_7e19d0e61316","data":{}}"#,
    ),
    (
        "escrow.reauthorized",
        r#"{"event":"escrow.reauthorized","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_e90a056ca764","id":"id_a1c2fe94c2fb","data":{}}"#,
    ),
    (
        "escrow.reauthorization_failed",
        r#"{"event":"escrow.reauthorization_failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7391cd8a6082","id":"id_7441ac410ed2","data":{}}"#,
    ),
    (
        "saved_config.created",
        r#"{"event":"saved_config.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_fc7149024162","id":"id_10209eb34260","data":{}}"#,
    ),
    (
        "saved_config.viewed",
        r#"{"event":"saved_config.viewed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_70089c5b089e","id":"id_0fc2c7730eb4","data":{}}"#,
    ),
    (
        "saved_config.converted",
        r#"{"event":"saved_config.converted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_e72cf99e1785","id":"id_3b01b2e107c0","data":{}}"#,
    ),
    (
        "saved_config.expiring",
        r#"{"event":"saved_config.expiring","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_815ab526b128","id":"id_f1b2bf883c01","data":{}}"#,
    ),
    (
        "saved_config.expired",
        r#"{"event":"saved_config.expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c527ea60ec4d","id":"id_24c3432d48d7","data":{}}"#,
    ),
    (
        "delegation.proposed",
        r#"{"event":"delegation.proposed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f63fd8dd37c0","id":"id_e7c5f9a75c2e","data":{}}"#,
    ),
    (
        "delegation.accepted",
        r#"{"event":"delegation.accepted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c8c9132a3b15","id":"id_571c93a7b1fa","data":{}}"#,
    ),
    (
        "delegation.rejected",
        r#"{"event":"delegation.rejected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6cff7709ba1b","id":"id_3e926fb20d3b","data":{}}"#,
    ),
    (
        "delegation.countered",
        r#"{"event":"delegation.countered","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_d8e8e5e09ffd","id":"id_593d87ded9f6","data":{}}"#,
    ),
    (
        "delegation.granted",
        r#"{"event":"delegation.granted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_2084cd86c8ee","id":"id_fefa4ca1c0e5","data":{}}"#,
    ),
    (
        "delegation.revoked",
        r#"{"event":"delegation.revoked","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b4bf01b21a54","id":"id_3105479ed4a7","data":{}}"#,
    ),
    (
        "delegation.expired",
        r#"{"event":"delegation.expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_f2a0faba7a6c","id":"id_10a613bcdc60","data":{}}"#,
    ),
    (
        "delegation.budget_warning",
        r#"{"event":"delegation.budget_warning","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_5a8438e04b50","id":"id_88f5feae27bc","data":{}}"#,
    ),
    (
        "agent.workflow.planned",
        r#"{"event":"agent.workflow.planned","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_949cd80302c1","id":"id_e1f6a153b735","data":{}}"#,
    ),
    (
        "agent.workflow.completed",
        r#"{"event":"agent.workflow.completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_e84056570953","id":"id_2edf6a3a241e","data":{}}"#,
    ),
    (
        "agent.workflow.failed",
        r#"{"event":"agent.workflow.failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_dc30786966ee","id":"id_956dc57abdb8","data":{}}"#,
    ),
    (
        "agent.workflow.step_completed",
        r#"{"event":"agent.workflow.step_completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_bf9bab920336","id":"id_806af920bf08","data":{}}"#,
    ),
    (
        "agent.workflow.step_retried",
        r#"{"event":"agent.workflow.step_retried","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3ea42f1b82c9","id":"id_fc0e72e83b8b","data":{}}"#,
    ),
    (
        "agent.workflow.dead_lettered",
        r#"{"event":"agent.workflow.dead_lettered","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_48896a4af35d","id":"id_d8fa65191464","data":{}}"#,
    ),
    (
        "agent.workflow.cancelled",
        r#"{"event":"agent.workflow.cancelled","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_dcebff4d31c3","id":"id_e442b96ae4b7","data":{}}"#,
    ),
    (
        "agent.workflow.degraded",
        r#"{"event":"agent.workflow.degraded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_ee335b98574e","id":"id_f7048e253762","data":{}}"#,
    ),
    (
        "agent.workflow.approved",
        r#"{"event":"agent.workflow.approved","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3a21a6182830","id":"id_b9d8eeda70cd","data":{}}"#,
    ),
    (
        "agent.approval_required",
        r#"{"event":"agent.approval_required","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_aa0dd43532d1","id":"id_30363d5545af","data":{}}"#,
    ),
    (
        "agent.approval_resent",
        r#"{"event":"agent.approval_resent","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7a780407a3f1","id":"id_b22aaa0423a6","data":{}}"#,
    ),
    (
        "agent.approval_escalated",
        r#"{"event":"agent.approval_escalated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_38973c202b69","id":"id_675ed1fd8ea8","data":{}}"#,
    ),
    (
        "agent.trust.level_changed",
        r#"{"event":"agent.trust.level_changed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c8b6ef691de8","id":"id_78f3074c5fcf","data":{}}"#,
    ),
    (
        "agent.trust.abuse_detected",
        r#"{"event":"agent.trust.abuse_detected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_e6dbcd3edce8","id":"id_20e8a0570598","data":{}}"#,
    ),
    (
        "agent.trust.decay_warning",
        r#"{"event":"agent.trust.decay_warning","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6db9d724c4a7","id":"id_9576687c9c45","data":{}}"#,
    ),
    (
        "agent.trust_cap_exceeded",
        r#"{"event":"agent.trust_cap_exceeded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_8657de02f8aa","id":"id_a2fa4548c14a","data":{}}"#,
    ),
    (
        "agent.anomaly_detected",
        r#"{"event":"agent.anomaly_detected","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6b4216d55b18","id":"id_54aae2d990ca","data":{}}"#,
    ),
    (
        "agent.spending_ceiling",
        r#"{"event":"agent.spending_ceiling","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_332fca760464","id":"id_097ce69eb387","data":{}}"#,
    ),
    (
        "workflow.sell.proposal_received",
        r#"{"event":"workflow.sell.proposal_received","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_552d040c3fac","id":"id_a6605a7c148f","data":{}}"#,
    ),
    (
        "workflow.fulfill.delivered",
        r#"{"event":"workflow.fulfill.delivered","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_1ef217ab2e35","id":"id_dd1f69383bf2","data":{}}"#,
    ),
    (
        "product_family.created",
        r#"{"event":"product_family.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_2cbbe4272968","id":"id_19c303bf18c6","data":{}}"#,
    ),
    (
        "product_family.updated",
        r#"{"event":"product_family.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_695125d755dd","id":"id_187e48b85bda","data":{}}"#,
    ),
    (
        "product_family.deleted",
        r#"{"event":"product_family.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4de01e3d5876","id":"id_5ad968f16879","data":{}}"#,
    ),
    (
        "option_group.created",
        r#"{"event":"option_group.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_992ab8d8dd16","id":"id_9632bba55f0e","data":{}}"#,
    ),
    (
        "option_group.updated",
        r#"{"event":"option_group.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_a18236c7d0eb","id":"id_126187d64f09","data":{}}"#,
    ),
    (
        "option_group.deleted",
        r#"{"event":"option_group.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4afb052d436e","id":"id_1fb00ef90d26","data":{}}"#,
    ),
    (
        "option.created",
        r#"{"event":"option.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_ab9cf159defd","id":"id_8bbc7476f114","data":{}}"#,
    ),
    (
        "option.updated",
        r#"{"event":"option.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_8d5b15f57f26","id":"id_7a4a48d31287","data":{}}"#,
    ),
    (
        "option.deleted",
        r#"{"event":"option.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_a1a779ead7e6","id":"id_5997e43f7dcb","data":{}}"#,
    ),
    (
        "compatibility_rule.created",
        r#"{"event":"compatibility_rule.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_0cf2bdae7fd5","id":"id_7e7d6257e7c7","data":{}}"#,
    ),
    (
        "compatibility_rule.updated",
        r#"{"event":"compatibility_rule.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9517917f8b42","id":"id_bb6d49759ceb","data":{}}"#,
    ),
    (
        "compatibility_rule.deleted",
        r#"{"event":"compatibility_rule.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_38ca2deb4cb1","id":"id_a5d03547a0eb","data":{}}"#,
    ),
    (
        "bundle_rule.created",
        r#"{"event":"bundle_rule.created","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_13c5426f4654","id":"id_1fa89270856f","data":{}}"#,
    ),
    (
        "bundle_rule.updated",
        r#"{"event":"bundle_rule.updated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_b7cb518201ab","id":"id_88dc60c03fd7","data":{}}"#,
    ),
    (
        "bundle_rule.deleted",
        r#"{"event":"bundle_rule.deleted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_d916bdd890c8","id":"id_47e6af9690e2","data":{}}"#,
    ),
    (
        "billing.low_balance",
        r#"{"event":"billing.low_balance","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_3d5375a9943b","id":"id_275f11c70c96","data":{}}"#,
    ),
    (
        "billing.credit_added",
        r#"{"event":"billing.credit_added","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6e0f91924170","id":"id_9a565d563ec8","data":{}}"#,
    ),
    (
        "billing.credit_deducted",
        r#"{"event":"billing.credit_deducted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4610e066269a","id":"id_300d26687206","data":{}}"#,
    ),
    (
        "billing.auto_topup",
        r#"{"event":"billing.auto_topup","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_0f652a1e0d50","id":"id_c2933083af97","data":{}}"#,
    ),
    (
        "billing.widget_degraded",
        r#"{"event":"billing.widget_degraded","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_835101957b51","id":"id_9591badef23d","data":{}}"#,
    ),
    (
        "tenant.trust_level_changed",
        r#"{"event":"tenant.trust_level_changed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9ac72a45f34b","id":"id_1c6c709c5f6f","data":{}}"#,
    ),
    (
        "tenant.trust_promoted",
        r#"{"event":"tenant.trust_promoted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c53dcffcc1ab","id":"id_ea991d1613d3","data":{}}"#,
    ),
    (
        "tenant.trust_level_decay_warning",
        r#"{"event":"tenant.trust_level_decay_warning","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_c141eb79fa9c","id":"id_2b49e9e85859","data":{}}"#,
    ),
    (
        "trust.demoted",
        r#"{"event":"trust.demoted","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_73d1d75b23a3","id":"id_4ce26b42fd64","data":{}}"#,
    ),
    (
        "trust.fraud_signal",
        r#"{"event":"trust.fraud_signal","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7b36b4cddc91","id":"id_cbf24d42e635","data":{}}"#,
    ),
    (
        "credential.issued",
        r#"{"event":"credential.issued","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6d0cc362c9ae","id":"id_d8c7f97a7479","data":{}}"#,
    ),
    (
        "api_key.rotated",
        r#"{"event":"api_key.rotated","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_6c3ab1d76517","id":"id_fc56ef6588bb","data":{}}"#,
    ),
    (
        "encryption.rekey_completed",
        r#"{"event":"encryption.rekey_completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9ff6102578d4","id":"id_3d1be3c55105","data":{}}"#,
    ),
    (
        "consent.expiring_soon",
        r#"{"event":"consent.expiring_soon","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_4d5216a4d620","id":"id_07e7fbf75848","data":{}}"#,
    ),
    (
        "consent.expired",
        r#"{"event":"consent.expired","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_8dce97d0a463","id":"id_49e47be338b4","data":{}}"#,
    ),
    (
        "job.completed",
        r#"{"event":"job.completed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_968a10bb0f97","id":"id_4066ee9cccdc","data":{}}"#,
    ),
    (
        "job.failed",
        r#"{"event":"job.failed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_0c5839a1ca3a","id":"id_e6bc1780800b","data":{}}"#,
    ),
    (
        "queue.depth_alert",
        r#"{"event":"queue.depth_alert","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_ac0286f9283e","id":"id_9d919e107cc6","data":{}}"#,
    ),
    (
        "system.job_dead_letter",
        r#"{"event":"system.job_dead_letter","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_49b6a9017e27","id":"id_fdfc29d4f53f","data":{}}"#,
    ),
    (
        "service.circuit_opened",
        r#"{"event":"service.circuit_opened","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7369d409c869","id":"id_e11d05ec5ab2","data":{}}"#,
    ),
    (
        "service.circuit_closed",
        r#"{"event":"service.circuit_closed","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_7d49f84819eb","id":"id_f8b2098388aa","data":{}}"#,
    ),
    (
        "circuit-breaker.backoff-increased",
        r#"{"event":"circuit-breaker.backoff-increased","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_a084612a576b","id":"id_e1d755eec2f5","data":{}}"#,
    ),
    (
        "security.csp_spike",
        r#"{"event":"security.csp_spike","timestamp":"2026-05-19T13:42:08Z","tenant_id":"tenant_id_9dce8265d90d","id":"id_aef93f168ff3","data":{}}"#,
    ),
];

// `Event`, `KINDS` and `parse` (events/src/lib.rs, `provider_events!`).
crate::provider_events! {
    /// `deal.created`: Deal submitted by customer.
    DealCreated = "deal.created",
    /// `deal.updated`: Deal fields modified.
    DealUpdated = "deal.updated",
    /// `deal.status_changed`: Status transitions (e.g. pending → won).
    DealStatusChanged = "deal.status_changed",
    /// `deal.closed`: Deal closed by seller or customer.
    DealClosed = "deal.closed",
    /// `deal.fulfilled`: Deal marked as fulfilled.
    DealFulfilled = "deal.fulfilled",
    /// `deal.expired`: Deal passed its expiry date without acceptance.
    DealExpired = "deal.expired",
    /// `deal.unsigned`: Deal reverted to unsigned state.
    DealUnsigned = "deal.unsigned",
    /// `deal.signature_added`: A party signed the deal.
    DealSignatureAdded = "deal.signature_added",
    /// `deal.signature_timeout`: Signing deadline passed without all signatures.
    DealSignatureTimeout = "deal.signature_timeout",
    /// `deal.item_added`: Product line item added to deal.
    DealItemAdded = "deal.item_added",
    /// `deal.item_removed`: Line item removed from deal.
    DealItemRemoved = "deal.item_removed",
    /// `deal.item_updated`: Line item quantity or price changed.
    DealItemUpdated = "deal.item_updated",
    /// `deal.discount_applied`: Discount code or manual discount applied.
    DealDiscountApplied = "deal.discount_applied",
    /// `deal.partially_accepted`: Deal accepted with subset of items.
    DealPartiallyAccepted = "deal.partially_accepted",
    /// `deal.created_configured`: Deal created from a saved configuration.
    DealCreatedConfigured = "deal.created_configured",
    /// `deal.negotiation_proposed`: Customer proposed a counter-offer.
    DealNegotiationProposed = "deal.negotiation_proposed",
    /// `deal.negotiation_counter_proposed`: Seller issued a counter-proposal.
    DealNegotiationCounterProposed = "deal.negotiation_counter_proposed",
    /// `deal.negotiation_accepted`: Negotiation accepted by either party.
    DealNegotiationAccepted = "deal.negotiation_accepted",
    /// `deal.negotiation_rejected`: Negotiation rejected.
    DealNegotiationRejected = "deal.negotiation_rejected",
    /// `deal.settlement_created`: Settlement record created for a deal.
    DealSettlementCreated = "deal.settlement_created",
    /// `deal.settlement_initiated`: Settlement payout process started.
    DealSettlementInitiated = "deal.settlement_initiated",
    /// `deal.settlement_completed`: Settlement payout completed successfully.
    DealSettlementCompleted = "deal.settlement_completed",
    /// `deal.settlement_failed`: Settlement payout failed.
    DealSettlementFailed = "deal.settlement_failed",
    /// `deal.settlement_all_completed`: All parties in a multi-party deal settled.
    DealSettlementAllCompleted = "deal.settlement_all_completed",
    /// `deal.participant_invited`: Party invited to join a multi-party deal.
    DealParticipantInvited = "deal.participant_invited",
    /// `deal.participant_accepted`: Invited participant accepted.
    DealParticipantAccepted = "deal.participant_accepted",
    /// `deal.participant_withdrawn`: Participant withdrew from deal.
    DealParticipantWithdrawn = "deal.participant_withdrawn",
    /// `deal.participant_completed`: Participant fulfilled their obligations.
    DealParticipantCompleted = "deal.participant_completed",
    /// `payment.received`: Payment successfully captured.
    PaymentReceived = "payment.received",
    /// `deal.payment_received`: Payment received against a deal.
    DealPaymentReceived = "deal.payment_received",
    /// `deal.payment_failed`: Payment capture failed.
    DealPaymentFailed = "deal.payment_failed",
    /// `deal.payment_refunded`: Refund issued.
    DealPaymentRefunded = "deal.payment_refunded",
    /// `deal.payment_overdue`: Payment past its due date.
    DealPaymentOverdue = "deal.payment_overdue",
    /// `negotiation.proposed`: New negotiation proposal submitted.
    NegotiationProposed = "negotiation.proposed",
    /// `negotiation.countered`: Counter-proposal issued.
    NegotiationCountered = "negotiation.countered",
    /// `negotiation.accepted`: Negotiation terms accepted.
    NegotiationAccepted = "negotiation.accepted",
    /// `negotiation.rejected`: Negotiation proposal rejected.
    NegotiationRejected = "negotiation.rejected",
    /// `negotiation.expired`: Negotiation timed out without resolution.
    NegotiationExpired = "negotiation.expired",
    /// `contract.signed`: Contract fully signed by all required parties.
    ContractSigned = "contract.signed",
    /// `contract.activated`: Contract entered active state.
    ContractActivated = "contract.activated",
    /// `contract.terminated`: Contract terminated before natural end.
    ContractTerminated = "contract.terminated",
    /// `contract.tamper_detected`: Contract content hash mismatch detected.
    ContractTamperDetected = "contract.tamper_detected",
    /// `subscription.created`: New subscription started.
    SubscriptionCreated = "subscription.created",
    /// `subscription.renewed`: Billing cycle renewed.
    SubscriptionRenewed = "subscription.renewed",
    /// `subscription.renewal_upcoming`: Renewal reminder (configurable days before).
    SubscriptionRenewalUpcoming = "subscription.renewal_upcoming",
    /// `subscription.paused`: Subscription paused.
    SubscriptionPaused = "subscription.paused",
    /// `subscription.resumed`: Paused subscription resumed.
    SubscriptionResumed = "subscription.resumed",
    /// `subscription.cancelled`: Subscription cancelled.
    SubscriptionCancelled = "subscription.cancelled",
    /// `subscription.upgraded`: Plan upgraded to higher tier.
    SubscriptionUpgraded = "subscription.upgraded",
    /// `subscription.downgraded`: Plan downgraded to lower tier.
    SubscriptionDowngraded = "subscription.downgraded",
    /// `subscription.changed`: Subscription terms changed.
    SubscriptionChanged = "subscription.changed",
    /// `subscription.past_due`: Payment past due, subscription at risk.
    SubscriptionPastDue = "subscription.past_due",
    /// `subscription.suspended`: Subscription suspended due to non-payment.
    SubscriptionSuspended = "subscription.suspended",
    /// `subscription.cycle_changed`: Billing cycle period changed.
    SubscriptionCycleChanged = "subscription.cycle_changed",
    /// `subscription.payment_failed`: Subscription payment failed.
    SubscriptionPaymentFailed = "subscription.payment_failed",
    /// `subscription.payment_retried`: Failed payment retried.
    SubscriptionPaymentRetried = "subscription.payment_retried",
    /// `subscription.proration_credit`: Proration credit issued on plan change.
    SubscriptionProrationCredit = "subscription.proration_credit",
    /// `subscription.meter_added`: Usage meter added to subscription.
    SubscriptionMeterAdded = "subscription.meter_added",
    /// `subscription.meter_removed`: Usage meter removed from subscription.
    SubscriptionMeterRemoved = "subscription.meter_removed",
    /// `subscription.usage_recorded`: Metered usage event recorded.
    SubscriptionUsageRecorded = "subscription.usage_recorded",
    /// `subscription.usage_charges_applied`: Metered usage charges billed.
    SubscriptionUsageChargesApplied = "subscription.usage_charges_applied",
    /// `customer.created`: New customer record created.
    CustomerCreated = "customer.created",
    /// `customer.updated`: Customer data updated.
    CustomerUpdated = "customer.updated",
    /// `customer.deleted`: Customer record deleted or GDPR-erased.
    CustomerDeleted = "customer.deleted",
    /// `booking.created`: New booking confirmed.
    BookingCreated = "booking.created",
    /// `booking.cancelled`: Booking cancelled by customer or staff.
    BookingCancelled = "booking.cancelled",
    /// `booking.completed`: Appointment completed successfully.
    BookingCompleted = "booking.completed",
    /// `booking.no_show`: Customer did not attend the booking.
    BookingNoShow = "booking.no_show",
    /// `booking.held`: Booking placed on hold.
    BookingHeld = "booking.held",
    /// `booking.hold_expired`: Booking hold expired without confirmation.
    BookingHoldExpired = "booking.hold_expired",
    /// `escrow.created`: Escrow hold created for a deal.
    EscrowCreated = "escrow.created",
    /// `escrow.released`: Escrow funds released to seller.
    EscrowReleased = "escrow.released",
    /// `escrow.refunded`: Escrow funds returned to buyer.
    EscrowRefunded = "escrow.refunded",
    /// `escrow.condition_fulfilled`: Release condition met.
    EscrowConditionFulfilled = "escrow.condition_fulfilled",
    /// `escrow.reauthorization_pending`: Card reauthorization required before expiry.
    EscrowReauthorizationPending = "escrow.reauthorization_pending",
    /// `escrow.reauthorized`: Escrow successfully reauthorized.
    EscrowReauthorized = "escrow.reauthorized",
    /// `escrow.reauthorization_failed`: Reauthorization attempt failed.
    EscrowReauthorizationFailed = "escrow.reauthorization_failed",
    /// `saved_config.created`: Customer saved a product configuration.
    SavedConfigCreated = "saved_config.created",
    /// `saved_config.viewed`: Saved configuration link opened.
    SavedConfigViewed = "saved_config.viewed",
    /// `saved_config.converted`: Saved configuration resulted in a deal.
    SavedConfigConverted = "saved_config.converted",
    /// `saved_config.expiring`: Saved configuration approaching expiry.
    SavedConfigExpiring = "saved_config.expiring",
    /// `saved_config.expired`: Saved configuration expired.
    SavedConfigExpired = "saved_config.expired",
    /// `delegation.proposed`: Delegation proposal sent to another party.
    DelegationProposed = "delegation.proposed",
    /// `delegation.accepted`: Delegation proposal accepted.
    DelegationAccepted = "delegation.accepted",
    /// `delegation.rejected`: Delegation proposal rejected.
    DelegationRejected = "delegation.rejected",
    /// `delegation.countered`: Counter-proposal to a delegation submitted.
    DelegationCountered = "delegation.countered",
    /// `delegation.granted`: Delegation authority granted.
    DelegationGranted = "delegation.granted",
    /// `delegation.revoked`: Delegation authority revoked.
    DelegationRevoked = "delegation.revoked",
    /// `delegation.expired`: Delegation expired without acceptance.
    DelegationExpired = "delegation.expired",
    /// `delegation.budget_warning`: Delegated spending approaching budget limit.
    DelegationBudgetWarning = "delegation.budget_warning",
    /// `agent.workflow.planned`: Workflow execution plan created.
    AgentWorkflowPlanned = "agent.workflow.planned",
    /// `agent.workflow.completed`: Workflow finished successfully.
    AgentWorkflowCompleted = "agent.workflow.completed",
    /// `agent.workflow.failed`: Workflow terminated with an error.
    AgentWorkflowFailed = "agent.workflow.failed",
    /// `agent.workflow.step_completed`: Individual workflow step completed.
    AgentWorkflowStepCompleted = "agent.workflow.step_completed",
    /// `agent.workflow.step_retried`: Workflow step retried after failure.
    AgentWorkflowStepRetried = "agent.workflow.step_retried",
    /// `agent.workflow.dead_lettered`: Workflow moved to dead-letter queue.
    AgentWorkflowDeadLettered = "agent.workflow.dead_lettered",
    /// `agent.workflow.cancelled`: Workflow cancelled by operator.
    AgentWorkflowCancelled = "agent.workflow.cancelled",
    /// `agent.workflow.degraded`: Workflow running in degraded mode.
    AgentWorkflowDegraded = "agent.workflow.degraded",
    /// `agent.workflow.approved`: Human approval gate passed.
    AgentWorkflowApproved = "agent.workflow.approved",
    /// `agent.approval_required`: Workflow paused awaiting human approval.
    AgentApprovalRequired = "agent.approval_required",
    /// `agent.approval_resent`: Approval request resent.
    AgentApprovalResent = "agent.approval_resent",
    /// `agent.approval_escalated`: Approval escalated to higher authority.
    AgentApprovalEscalated = "agent.approval_escalated",
    /// `agent.trust.level_changed`: Agent trust level changed.
    AgentTrustLevelChanged = "agent.trust.level_changed",
    /// `agent.trust.abuse_detected`: Abuse pattern detected from agent.
    AgentTrustAbuseDetected = "agent.trust.abuse_detected",
    /// `agent.trust.decay_warning`: Agent trust score decaying.
    AgentTrustDecayWarning = "agent.trust.decay_warning",
    /// `agent.trust_cap_exceeded`: Agent spending cap exceeded.
    AgentTrustCapExceeded = "agent.trust_cap_exceeded",
    /// `agent.anomaly_detected`: Anomalous agent behaviour detected.
    AgentAnomalyDetected = "agent.anomaly_detected",
    /// `agent.spending_ceiling`: Agent reached spending ceiling.
    AgentSpendingCeiling = "agent.spending_ceiling",
    /// `workflow.sell.proposal_received`: Agent-initiated sell workflow received a
    /// proposal.
    WorkflowSellProposalReceived = "workflow.sell.proposal_received",
    /// `workflow.fulfill.delivered`: Agent fulfilment workflow delivered.
    WorkflowFulfillDelivered = "workflow.fulfill.delivered",
    /// `product_family.created`: New product family created.
    ProductFamilyCreated = "product_family.created",
    /// `product_family.updated`: Product family updated.
    ProductFamilyUpdated = "product_family.updated",
    /// `product_family.deleted`: Product family deleted.
    ProductFamilyDeleted = "product_family.deleted",
    /// `option_group.created`: Option group created.
    OptionGroupCreated = "option_group.created",
    /// `option_group.updated`: Option group updated.
    OptionGroupUpdated = "option_group.updated",
    /// `option_group.deleted`: Option group deleted.
    OptionGroupDeleted = "option_group.deleted",
    /// `option.created`: Option created within a group.
    OptionCreated = "option.created",
    /// `option.updated`: Option updated.
    OptionUpdated = "option.updated",
    /// `option.deleted`: Option deleted.
    OptionDeleted = "option.deleted",
    /// `compatibility_rule.created`: Compatibility rule created.
    CompatibilityRuleCreated = "compatibility_rule.created",
    /// `compatibility_rule.updated`: Compatibility rule updated.
    CompatibilityRuleUpdated = "compatibility_rule.updated",
    /// `compatibility_rule.deleted`: Compatibility rule deleted.
    CompatibilityRuleDeleted = "compatibility_rule.deleted",
    /// `bundle_rule.created`: Bundle rule created.
    BundleRuleCreated = "bundle_rule.created",
    /// `bundle_rule.updated`: Bundle rule updated.
    BundleRuleUpdated = "bundle_rule.updated",
    /// `bundle_rule.deleted`: Bundle rule deleted.
    BundleRuleDeleted = "bundle_rule.deleted",
    /// `billing.low_balance`: Account credit balance below threshold.
    BillingLowBalance = "billing.low_balance",
    /// `billing.credit_added`: Credits added to account.
    BillingCreditAdded = "billing.credit_added",
    /// `billing.credit_deducted`: Credits deducted from account.
    BillingCreditDeducted = "billing.credit_deducted",
    /// `billing.auto_topup`: Automatic top-up triggered.
    BillingAutoTopup = "billing.auto_topup",
    /// `billing.widget_degraded`: Widget entering degraded mode due to low balance.
    BillingWidgetDegraded = "billing.widget_degraded",
    /// `tenant.trust_level_changed`: Tenant trust level changed.
    TenantTrustLevelChanged = "tenant.trust_level_changed",
    /// `tenant.trust_promoted`: Tenant promoted to higher trust tier.
    TenantTrustPromoted = "tenant.trust_promoted",
    /// `tenant.trust_level_decay_warning`: Tenant trust score decaying.
    TenantTrustLevelDecayWarning = "tenant.trust_level_decay_warning",
    /// `trust.demoted`: Entity demoted to lower trust level.
    TrustDemoted = "trust.demoted",
    /// `trust.fraud_signal`: Fraud signal recorded against entity.
    TrustFraudSignal = "trust.fraud_signal",
    /// `credential.issued`: Verifiable credential issued.
    CredentialIssued = "credential.issued",
    /// `api_key.rotated`: API key rotated.
    ApiKeyRotated = "api_key.rotated",
    /// `encryption.rekey_completed`: Encryption rekey operation completed.
    EncryptionRekeyCompleted = "encryption.rekey_completed",
    /// `consent.expiring_soon`: Customer consent approaching expiry.
    ConsentExpiringSoon = "consent.expiring_soon",
    /// `consent.expired`: Customer consent expired.
    ConsentExpired = "consent.expired",
    /// `job.completed`: Background job completed successfully.
    JobCompleted = "job.completed",
    /// `job.failed`: Background job failed.
    JobFailed = "job.failed",
    /// `queue.depth_alert`: Job queue depth exceeded alert threshold.
    QueueDepthAlert = "queue.depth_alert",
    /// `system.job_dead_letter`: Job moved to dead-letter queue.
    SystemJobDeadLetter = "system.job_dead_letter",
    /// `service.circuit_opened`: Circuit breaker opened for a downstream service.
    ServiceCircuitOpened = "service.circuit_opened",
    /// `service.circuit_closed`: Circuit breaker closed — service recovered.
    ServiceCircuitClosed = "service.circuit_closed",
    /// `circuit-breaker.backoff-increased`: Circuit breaker backoff interval increased.
    CircuitBreakerBackoffIncreased = "circuit-breaker.backoff-increased",
    /// `security.csp_spike`: Unusual spike in CSP violation reports.
    SecurityCspSpike = "security.csp_spike",
}
