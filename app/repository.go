package app

// MemberRepository is implemented by the store. Every method is one
// transaction and writes its audit entry in that same transaction.
type MemberRepository interface {
	// CreateMember assigns ID, Version 1 and the timestamps.
	CreateMember(m Member, c Change) (Member, error)
	// UpdateMember fails with a conflict when m.Version is not the stored one.
	UpdateMember(m Member, action string, c Change) (Member, error)
	GetMember(id uint64) (Member, error)
	DeleteMember(id uint64, version int, c Change) error
	SearchMembers(q MemberQuery) (MemberPage, error)
	CountMembers() (int, error)
	// CreateMembers inserts many members in one transaction (demo, imports).
	CreateMembers(ms []Member, c Change) error
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
	// HasHistory reports whether anything else refers to the member, in
	// which case it may be archived but not deleted.
	HasHistory(memberID uint64) (bool, error)
	Path() string
	SchemaVersion() (int, error)
}
