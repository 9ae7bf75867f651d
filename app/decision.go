package app

import (
	"strings"
	"time"

	"acedesk/app/rules"
)

// Decision kinds: a person decided, so each carries a reason and is audited.
const (
	// DecisionPromotion promotes the lead of a group to ACE for a year.
	DecisionPromotion = "promotion"
	// DecisionInvitation invites a member as Director for a year.
	DecisionInvitation = "invitation"
	// DecisionSpecialGrant grants Partner or ACE for a year (特殊贡献组).
	DecisionSpecialGrant = "special_grant"
	// DecisionCorrection sets the level a member holds through a year,
	// correcting a published batch or a confirmed renewal; none removes it.
	DecisionCorrection = "correction"
)

// Decision is a level decided by a person rather than by points.
type Decision struct {
	ID       uint64 `json:"id"`
	Kind     string `json:"kind"`
	MemberID uint64 `json:"member_id"`
	Year     int    `json:"year"`
	// Level is the level granted (special_grant) or set (correction).
	Level string `json:"level"`
	// GroupID is the group the promoted member leads (promotion).
	GroupID   uint64    `json:"group_id"`
	Reason    string    `json:"reason"`
	DecidedBy string    `json:"decided_by"`
	DecidedAt time.Time `json:"decided_at"`
	// Withdrawn decisions stay on record but no longer count.
	Withdrawn      bool      `json:"withdrawn"`
	WithdrawReason string    `json:"withdraw_reason"`
	Version        int       `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

func (d *Decision) Normalize() {
	d.Kind = strings.TrimSpace(d.Kind)
	d.Reason = strings.TrimSpace(d.Reason)
	d.WithdrawReason = strings.TrimSpace(d.WithdrawReason)
	switch d.Kind {
	case DecisionPromotion:
		d.Level = string(rules.LevelACE)
	case DecisionInvitation:
		d.Level = string(rules.LevelDirector)
	}
}

func (d Decision) Validate() error {
	f := FieldErrors{}
	if d.MemberID == 0 {
		f.Add("member_id", "required")
	}
	if d.Year < 2000 || d.Year > 2999 {
		f.Add("year", "invalid_year")
	}
	level, levelOK := rules.ParseLevel(d.Level)
	switch d.Kind {
	case DecisionPromotion:
		if d.GroupID == 0 {
			f.Add("group_id", "required")
		}
	case DecisionInvitation:
	case DecisionSpecialGrant:
		// A grant gives Partner or ACE; Director is by invitation only.
		if !levelOK || level.Rank() == 0 || level == rules.LevelDirector {
			f.Add("level", "grant_level")
		}
	case DecisionCorrection:
		if !levelOK {
			f.Add("level", "invalid_choice")
		}
	default:
		f.Add("kind", "invalid_choice")
	}
	if d.Reason == "" {
		f.Add("reason", "required")
	}
	if d.Withdrawn && d.WithdrawReason == "" {
		f.Add("withdraw_reason", "required")
	}
	checkTexts(f, textField{"reason", d.Reason, MaxNote, true}, textField{"withdraw_reason", d.WithdrawReason, MaxNote, true},
		textField{"decided_by", d.DecidedBy, MaxOperator, false})
	return f.Err()
}
