package rules

import "time"

// RoleKind is a way to hold a level in a year without the points.
type RoleKind string

const (
	RoleGroupLead    RoleKind = "group_lead"    // lead of an industry or city group: Partner
	RolePromotedLead RoleKind = "promoted_lead" // lead promoted by decision: ACE
	RoleInvitation   RoleKind = "invitation"    // invited: Director
	RoleSpecialGrant RoleKind = "special_grant" // Special Contribution group: the level granted
)

// Role is something a member holds in a year that gives a level outside
// points.
type Role struct {
	MemberID uint64
	Year     int
	Kind     RoleKind
	Level    Level  // the level granted, for special_grant only
	Group    string // e.g. "杭州用户组", for the reason text
	Since    Date   // when the role began in Year
}

// Gives is the level the role gives; none for an unknown kind.
func (r Role) Gives() Level {
	switch r.Kind {
	case RoleGroupLead:
		return LevelPartner
	case RolePromotedLead:
		return LevelACE
	case RoleInvitation:
		return LevelDirector
	case RoleSpecialGrant:
		if r.Level.Rank() > 0 {
			return r.Level
		}
	}
	return LevelNone
}

// track names the track a role belongs to.
func (r Role) track() string {
	switch r.Kind {
	case RoleGroupLead:
		return "lead"
	case RolePromotedLead:
		return "promotion"
	case RoleInvitation:
		return "invitation"
	}
	return "special"
}

// since is when the role began, moved into its year: a lead who has led
// since 2023 holds the role from 1 January of each later year, an unset
// Since means the whole year, and a Since after the year (a typing
// mistake) still lets the role count by 31 December.
func (r Role) since() Date {
	switch {
	case r.Since.Year < r.Year:
		return Date{r.Year, time.January, 1}
	case r.Since.Year > r.Year:
		return Date{r.Year, time.December, 31}
	}
	return r.Since
}
