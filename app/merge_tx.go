package app

import (
	"crypto/ed25519"
	"time"
)

// MergeTx is one bundle's merge at headquarters: a write transaction the
// store lends to the merge policy (app/merge), which decides what of the
// chapter's records is taken, what is held back, and how a person several
// chapters send is kept. The transaction knows where each of the chapter's
// records went in this merge and the ones before; nothing of it is kept
// unless the policy returns without an error.
type MergeTx interface {
	// OwnKey is this database's own chapter key, nil before it has one.
	OwnKey() (ed25519.PublicKey, error)
	// OwnChapterCode is the chapter code this database issues its own
	// certificates under (the default's until one is saved).
	OwnChapterCode() (string, error)
	// Chapter is what headquarters keeps of a chapter merged before.
	Chapter(id string) (MergedChapterRecord, bool, error)
	SaveChapter(c MergedChapterRecord) error

	// Placed is where the chapter's record of kind ("member", "group",
	// "event", "contribution", "decision") with source ID src went.
	Placed(kind string, src uint64) (uint64, bool)

	// Member loads a member here.
	Member(id uint64) (Member, error)
	// Holder is the member here who has this phone (field "phone") or
	// e-mail address (field "email"), new members of this merge included;
	// 0 for none.
	Holder(field, value string) uint64
	// MemberChapters lists the chapters a member here came from, with the
	// member's source ID in each.
	MemberChapters(id uint64) (map[string]uint64, error)
	// OwnAudit is what this database's own audit holds of member id, as
	// its JSON lines: the changes its operators made (a merge writes none
	// for the members it places).
	OwnAudit(id uint64) ([][]byte, error)
	// SentMember is the record of src that chapter sent last, with when
	// the chapter changed each of its fields.
	SentMember(chapter string, src uint64) (SentMember, bool, error)
	// AddMember places a new member, with the chapter's ID when free.
	AddMember(src uint64, m Member) (uint64, error)
	// LinkMember records that the chapter's member src is member id here.
	LinkMember(src, id uint64) error
	// WriteMember replaces the member old with next, moving its phone and
	// e-mail address.
	WriteMember(old, next Member) error
	// KeepSent keeps a member record as the chapter sent it, with its
	// field times (a SentMember's JSON), for later merges to weigh.
	KeepSent(src uint64, sent []byte)
	// FlushMembers completes the members' indexes once all are placed.
	FlushMembers() error

	// PlaceLinked places, remapped to the IDs here, the bundle's groups,
	// events, contributions and decisions whose source IDs place lists by
	// kind, and counts what it did with each record of those kinds.
	PlaceLinked(d *BundleData, place map[string]map[uint64]bool, counts map[string]*MergeCount, step func() error) error

	// KeepHolding keeps a holding as the chapter sent it (for its member
	// h.MemberID); ChapterHolding is what chapter last sent for its member
	// src and year.
	KeepHolding(h Holding) error
	ChapterHolding(chapter string, src uint64, year int) (Holding, bool, error)
	// Holding is a member's holding of year here; PutHolding writes one
	// as given.
	Holding(member uint64, year int) (Holding, bool, error)
	PutHolding(h Holding) error
	// Certificate is the certificate with serial here, and whether it came
	// from this chapter; PutCertificate writes the chapter's.
	Certificate(serial string) (c Certificate, found, ours bool, err error)
	PutCertificate(c Certificate) error

	// Archive keeps the chapter's batches, trophy orders and audit as
	// sent, with the member records KeepSent collected.
	Archive(d *BundleData, counts map[string]*MergeCount, step func() error) error

	// DeleteRecord deletes the record of entity (see DeletableEntities)
	// placed here from the chapter's src, with its index entries; a
	// record already gone leaves only the chapter's link to forget.
	DeleteRecord(entity string, src, id uint64) error
	// UnlinkMember forgets that member id came from this chapter.
	UnlinkMember(id uint64) error
	// MemberInUse reports whether records here still name member id.
	MemberInUse(id uint64) (bool, error)
	// Unplace forgets where the chapter's record went.
	Unplace(entity string, src uint64) error

	// Audit records the merge in headquarters' audit trail.
	Audit(ch Change, merge map[string]any) error
}

// MergedChapterRecord is what headquarters keeps of a merged chapter: who
// it is, the key trusted for it and since when.
type MergedChapterRecord struct {
	Chapter     BundleChapter `json:"chapter"`
	PublicKey   string        `json:"public_key"`
	FirstMerged time.Time     `json:"first_merged"`
	// EarlierKeys are the keys an operator-accepted new key replaced:
	// certificates the chapter signed with them stay genuine.
	EarlierKeys []string `json:"earlier_keys,omitempty"`
}

// SentMember is a member record as a chapter sent it, kept at
// headquarters with when the chapter last changed each field (Changed,
// by JSON name; a field never set has none). Where several chapters send
// one person, each field takes the latest change: see app/merge.
type SentMember struct {
	Member
	Changed FieldTimes `json:"changed,omitempty"`
}

// FieldTimes is when each field of a record was last changed.
type FieldTimes map[string]time.Time
