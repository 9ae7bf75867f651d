package app

import (
	"crypto/ed25519"
	"time"

	"acedesk/app/rules"
)

// MemberRepository is implemented by the store. Every method is one
// transaction and writes its audit entry in that same transaction.
type MemberRepository interface {
	// CreateMember assigns ID, Version 1 and the timestamps.
	CreateMember(m Member, c Change) (Member, error)
	// UpdateMember fails with a conflict when m.Version is not the stored one.
	UpdateMember(m Member, action string, c Change) (Member, error)
	GetMember(id uint64) (Member, error)
	// MemberSummaries loads many members' summaries in one transaction;
	// missing IDs are absent.
	MemberSummaries(ids []uint64) (map[uint64]MemberSummary, error)
	DeleteMember(id uint64, version int, c Change) error
	SearchMembers(q MemberQuery) (MemberPage, error)
	CountMembers() (int, error)
	// CreateMembersAndContributions inserts members, then the contributions
	// contribs makes for their new IDs, in one transaction (demo data).
	CreateMembersAndContributions(ms []Member, contribs func(ids []uint64) []Contribution, c Change) error
}

// SettingsRepository keeps the one Settings record.
type SettingsRepository interface {
	GetSettings() (Settings, bool, error)
	SaveSettings(s Settings, c Change) (Settings, error)
}

// AuditRepository reads the audit trail.
type AuditRepository interface {
	AuditFor(entity string, id uint64) ([]AuditEntry, error)
}

// Repository is everything the services need from storage.
type Repository interface {
	MemberRepository
	SettingsRepository
	AuditRepository
	ContributionRepository
	RulesRepository
	MemberImportRepository
	ProgramRepository
	GroupImportRepository
	CertificateRepository
	TrophyRepository
	ContributionImportRepository
	KeyRepository
	ExportRepository
	AttendeeRepository
	BundleRepository
	// HasHistory reports whether anything else refers to the member, in
	// which case it may be archived but not deleted.
	HasHistory(memberID uint64) (bool, error)
	Path() string
	SchemaVersion() (int, error)
}

// ContributionRepository keeps contributions; each write is audited.
type ContributionRepository interface {
	CreateContribution(c Contribution, ch Change) (Contribution, error)
	UpdateContribution(c Contribution, action string, ch Change) (Contribution, error)
	DeleteContribution(id uint64, version int, ch Change) error
	GetContribution(id uint64) (Contribution, error)
	ContributionsOfMember(memberID uint64) ([]Contribution, error)
	// ListContributions returns one page of q.Year's contributions matching
	// q, newest date first, with member names and phones (points left 0).
	ListContributions(q ContributionQuery) (ContributionPage, error)
	// PointsInputsOfYear is what the rules need of each contribution dated in year.
	PointsInputsOfYear(year int) ([]rules.Contribution, error)
}

// RulesRepository keeps each year's rules table.
type RulesRepository interface {
	GetYearRules(year int) (rules.YearRules, bool, error)
	LatestYearRulesBefore(year int) (rules.YearRules, bool, error)
	SaveYearRules(r rules.YearRules, ch Change) error
	RuleYears() ([]int, error)
}

// ProgramRepository keeps the program's structure and decisions: groups,
// decisions, events, published batches, confirmed renewals and holdings.
type ProgramRepository interface {
	CreateGroup(g Group, ch Change) (Group, error)
	UpdateGroup(g Group, ch Change) (Group, error)
	DeleteGroup(id uint64, version int, ch Change) error
	GetGroup(id uint64) (Group, error)
	Groups() ([]Group, error)

	// CreateDecision records a decision; a correction also sets the holding.
	CreateDecision(d Decision, ch Change) (Decision, error)
	WithdrawDecision(d Decision, ch Change) (Decision, error)
	GetDecision(id uint64) (Decision, error)
	Decisions(year int) ([]Decision, error)

	// SaveEvent creates (ID 0) or updates an event with its contributions.
	SaveEvent(e Event, plan EventPlan, ch Change) (Event, error)
	DeleteEvent(id uint64, version int, plan EventPlan, ch Change) error
	GetEvent(id uint64) (Event, error)
	// GetEventBare loads an event without counting its attendees, for the
	// door's frequent reads that do not show the counts.
	GetEventBare(id uint64) (Event, error)
	Events(year int) ([]Event, error)

	GetBatch(id string) (Batch, bool, error)
	Batches(year int) ([]Batch, error)
	// PublishBatch freezes a batch and writes the holdings it gives.
	PublishBatch(b Batch, holdings []Holding, ch Change) (Batch, error)
	GetRenewal(year int) (Renewal, bool, error)
	// SaveRenewal writes a renewal confirmed (first) or amended and the
	// holdings it gives.
	SaveRenewal(r Renewal, first bool, holdings []Holding, ch Change) (Renewal, error)
	// HoldingsIn is the honor ledger of a year: who holds a level in it.
	HoldingsIn(year int) ([]Holding, error)
	// HoldingsOf reads the holdings of these members in year only (those
	// without one are absent): a door's few rows need not read every
	// holder.
	HoldingsOf(year int, memberIDs []uint64) ([]Holding, error)
	// MemberHoldings lists a member's holdings, year by year.
	MemberHoldings(member uint64) ([]Holding, error)
}

// KeyRepository keeps the chapter's signing key.
type KeyRepository interface {
	// ChapterKey returns the chapter's Ed25519 key and when it was made. The
	// first call makes it and audits its public half; later calls return
	// the same key.
	ChapterKey(ch Change) (ed25519.PrivateKey, time.Time, error)
}

// CertificateRepository keeps issued certificates and the chapter's setup.
type CertificateRepository interface {
	// IssueCertificates stores the certificates not issued before (numbered
	// for chapter and their year, signed by sign) in one transaction and
	// returns them all as stored, in order.
	IssueCertificates(certs []Certificate, chapter string, sign func(Certificate) (string, error), ch Change) ([]Certificate, error)
	// CountPrints counts a paper printed of each certificate.
	CountPrints(serials []string, ch Change) error
	// ChapterHasIssued reports whether a certificate numbered for the
	// chapter code is stored.
	ChapterHasIssued(chapter string) (bool, error)
	GetCertificate(serial string) (Certificate, bool, error)
	Certificates() ([]Certificate, error)
	RevokeCertificate(serial, reason string, ch Change) (Certificate, error)
	GetCertificateSetup() (CertificateSetup, bool, error)
	SaveCertificateSetup(s CertificateSetup, ch Change) (CertificateSetup, error)
}

// ExportRepository reads what exports write.
type ExportRepository interface {
	ExportSnapshot() (Snapshot, error)
}
