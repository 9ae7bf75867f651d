package app

import (
	"strconv"
	"time"
)

// Version is the application version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// SystemInfo describes the running application and its database.
type SystemInfo struct {
	Version       string `json:"version"`
	DBPath        string `json:"db_path"`
	SchemaVersion int    `json:"schema_version"`
	Members       int    `json:"members"`
}

// SystemService answers questions about the installation itself.
type SystemService struct {
	repo     Repository
	clock    Clock
	settings *SettingsService
	// The demo goes through the services, as a chapter lead would.
	groups        *GroupService
	events        *EventService
	decisions     *DecisionService
	levels        *LevelService
	contributions *ContributionService
	files         savedFiles
}

func (s *SystemService) Info() (SystemInfo, error) {
	n, err := s.repo.CountMembers()
	if err != nil {
		return SystemInfo{}, err
	}
	v, err := s.repo.SchemaVersion()
	if err != nil {
		return SystemInfo{}, err
	}
	return SystemInfo{Version: Version, DBPath: s.repo.Path(), SchemaVersion: v, Members: n}, nil
}

// LoadDemo fills an empty database with realistic demo data and returns the
// number of members created. A database with any member is refused.
func (s *SystemService) LoadDemo(members int) (int, error) {
	n, err := s.repo.CountMembers()
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, Errorf(CodeConflict, "db_not_empty", "the database already has %d members: demo data goes only into an empty database", n).
			WithParams("count", strconv.Itoa(n))
	}
	if members <= 0 {
		members = DefaultDemoMembers
	}
	if members > MaxDemoMembers {
		return 0, Errorf(CodeInvalid, "demo_too_many", "at most %d demo members", MaxDemoMembers).WithParams("max", strconv.Itoa(MaxDemoMembers))
	}
	c, err := s.settings.change()
	if err != nil {
		return 0, err
	}
	people := DemoMembers(members, 2026)
	var ids []uint64
	// Last year's contributions too, so that this year has holders to renew.
	contribs := func(created []uint64) []Contribution {
		ids = created
		lastYear := time.Date(c.At.Year()-1, time.December, 31, 12, 0, 0, 0, time.UTC)
		return append(DemoContributions(ids, lastYear, 2025), DemoContributions(ids, c.At, 2026)...)
	}
	if err := s.repo.CreateMembersAndContributions(people, contribs, c); err != nil {
		return 0, err
	}
	if err := s.loadDemoProgram(people, ids, c.At); err != nil {
		return 0, err
	}
	return members, nil
}
