package vn.motcua.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.internal.StaffStore;
import vn.motcua.organization.internal.StaffStore.StaffRow;
import vn.motcua.organization.internal.UnitStore;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.LoginBackoff;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NodeCache;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Texts;

/**
 * The organization module's API: units, the unit tree and merges, staff
 * accounts, API keys, login bookkeeping and the scope rule.
 */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    /** Failed logins in a row that lock an account (for how long: {@link LoginBackoff}). */
    public static final int LOCKOUT_THRESHOLD = LoginBackoff.THRESHOLD;
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UnitStore units;
    private final StaffStore staff;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    public OrganizationService(UnitStore units, StaffStore staff, PasswordEncoder passwordEncoder,
                               ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.units = units;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    // --- units ---------------------------------------------------------------------------------

    public List<UnitView> allUnits() {
        return units.findAll();
    }

    /**
     * Units are read on every dossier view and change rarely: a node keeps
     * them in memory for a few seconds, drops the copy when it changes a unit
     * itself (after the change commits), and reads the database on a miss, so
     * a new unit is never missing and another node's edit shows within seconds.
     */
    private record UnitCache(Map<Long, UnitView> byId, Map<String, UnitView> byCode, long loadedAt) {
    }

    private static final long UNIT_CACHE_MILLIS = 5_000;
    private volatile UnitCache unitCache;

    private UnitCache unitCache() {
        UnitCache c = unitCache;
        long now = System.currentTimeMillis();
        if (c == null || now - c.loadedAt() > UNIT_CACHE_MILLIS) {
            List<UnitView> all = units.findAll();
            c = new UnitCache(all.stream().collect(Collectors.toUnmodifiableMap(UnitView::id, u -> u)),
                    all.stream().collect(Collectors.toUnmodifiableMap(UnitView::code, u -> u)), now);
            unitCache = c;
        }
        return c;
    }

    private void forgetUnitsAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            unitCache = null;
                        }
                    });
        }
        unitCache = null;
        // scopes are built from the unit tree
        forgetStaffAfterCommit();
    }

    public Optional<UnitView> findUnit(UnitId id) {
        UnitView cached = unitCache().byId().get(id.value());
        return cached != null ? Optional.of(cached) : units.findById(id.value());
    }

    public Optional<UnitView> findUnitByCode(String code) {
        UnitView cached = code == null ? null : unitCache().byCode().get(code);
        return cached != null ? Optional.of(cached) : units.findByCode(code);
    }

    /** The unit if the scope includes it; otherwise 404 as if it did not exist. */
    public UnitView unit(UnitId id, OfficerScope scope) {
        return units.findById(id.value()).filter(u -> scope.includes(u.unitId()))
                .orElseThrow(() -> new NotFound("unit " + id));
    }

    public List<UnitView> units(Collection<Long> ids) {
        return units.findByIds(ids);
    }

    public List<UnitView> searchUnits(String q, boolean includeInactive, OfficerScope scope) {
        List<UnitView> found = Texts.isBlank(q) ? units.findAll() : units.search(Texts.query("q", q), true, 500);
        return found.stream()
                .filter(u -> includeInactive || u.active())
                .filter(u -> scope.includes(u.unitId()))
                .toList();
    }

    /**
     * The unit tree within a scope: the roots are the units whose parent lies
     * outside the scope (or that have none). Dissolved units are left out
     * unless asked for.
     */
    public List<UnitNode> tree(OfficerScope scope, boolean includeDissolved) {
        List<UnitView> all = units.findAll().stream()
                .filter(u -> includeDissolved || u.active())
                .filter(u -> scope.includes(u.unitId()))
                .toList();
        Map<Long, List<UnitView>> byParent = new LinkedHashMap<>();
        Set<Long> present = all.stream().map(UnitView::id).collect(Collectors.toSet());
        List<UnitView> roots = new ArrayList<>();
        for (UnitView u : all) {
            if (u.parentId() == null || !present.contains(u.parentId())) {
                roots.add(u);
            } else {
                byParent.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        return roots.stream().sorted(TREE_ORDER).map(r -> node(r, byParent)).toList();
    }

    private static final Comparator<UnitView> TREE_ORDER =
            Comparator.comparing((UnitView u) -> u.kind().ordinal()).thenComparing(UnitView::code);

    private static UnitNode node(UnitView u, Map<Long, List<UnitView>> byParent) {
        List<UnitNode> children = byParent.getOrDefault(u.id(), List.of()).stream()
                .sorted(TREE_ORDER).map(c -> node(c, byParent)).toList();
        return new UnitNode(u, children);
    }

    /** The given units and all units below them. */
    public Set<Long> selfAndDescendants(Collection<Long> roots) {
        return units.selfAndDescendants(roots);
    }

    @Transactional
    public UnitView createUnit(UnitCommand command) {
        validateUnit(null, command);
        forgetUnitsAfterCommit();
        long id = units.insert(command);
        UnitView created = units.findById(id).orElseThrow();
        audit.record(AuditEntry.of("unit.created", currentActor(), "unit", String.valueOf(id))
                .detail(created.code() + " " + created.name()).changes(null, created, "id", "version"));
        return created;
    }

    @Transactional
    public UnitView updateUnit(UnitId id, int version, UnitCommand command) {
        UnitView before = units.findById(id.value()).orElseThrow(() -> new NotFound("unit " + id));
        validateUnit(id.value(), command);
        forgetUnitsAfterCommit();
        units.update(id.value(), version, command);
        UnitView after = units.findById(id.value()).orElseThrow();
        AuditEntry edited = AuditEntry.of("unit.edited", currentActor(), "unit", String.valueOf(id.value()))
                .detail(after.code() + " " + after.name()).changes(before, after, "id", "version");
        if (!edited.changes().isEmpty()) {
            audit.record(edited);
        }
        return after;
    }

    private void validateUnit(Long id, UnitCommand c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (units.codeTaken(c.code(), id)) {
            errors.put("code", "unit.code.taken");
        }
        if (c.parentId() == null) {
            if (c.kind() != UnitKind.PEOPLES_COMMITTEE || c.level() != UnitLevel.PROVINCE) {
                errors.put("parentId", "unit.parent.required");
            }
        } else if (id != null && (c.parentId().equals(id) || units.selfAndDescendants(List.of(id)).contains(c.parentId()))) {
            errors.put("parentId", "unit.parent.cycle");
        } else {
            Optional<UnitView> parent = units.findById(c.parentId());
            if (parent.isEmpty()) {
                errors.put("parentId", "unit.parent.missing");
            } else if (!parent.get().active()) {
                errors.put("parentId", "unit.parent.dissolved");
            } else if (parent.get().level() == UnitLevel.COMMUNE && c.level() != UnitLevel.COMMUNE) {
                errors.put("level", "unit.level.underCommune");
            }
        }
        if ((c.kind() == UnitKind.COMMUNE || c.kind() == UnitKind.WARD) && c.level() != UnitLevel.COMMUNE) {
            errors.put("level", "unit.level.commune");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Deactivates a unit that has no active unit below it. */
    @Transactional
    public void deactivateUnit(UnitId id) {
        UnitView u = units.findById(id.value()).orElseThrow(() -> new NotFound("unit " + id));
        boolean activeChildren = units.findAll().stream().anyMatch(c -> c.active() && u.id() == nullSafe(c.parentId()));
        if (activeChildren) {
            throw new DomainRuleViolation("unit-has-active-children", "unit.deactivate.children");
        }
        forgetUnitsAfterCommit();
        units.setActive(id.value(), false);
        if (u.active()) {
            audit.record(AuditEntry.of("unit.deactivated", currentActor(), "unit", String.valueOf(id.value()))
                    .detail(u.code() + " " + u.name()).change("active", true, false));
        }
    }

    @Transactional
    public void reactivateUnit(UnitId id) {
        UnitView u = units.findById(id.value()).orElseThrow(() -> new NotFound("unit " + id));
        if (u.successorId() != null) {
            throw new DomainRuleViolation("unit-merged", "unit.reactivate.merged");
        }
        forgetUnitsAfterCommit();
        units.setActive(id.value(), true);
        if (!u.active()) {
            audit.record(AuditEntry.of("unit.reactivated", currentActor(), "unit", String.valueOf(id.value()))
                    .detail(u.code() + " " + u.name()).change("active", false, true));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static long nullSafe(Long l) {
        return l == null ? -1 : l;
    }

    /**
     * Merges the source units into the successor: the sources become dissolved
     * with the successor recorded, the units below them move under it, their
     * staff are assigned to it, and {@link UnitsMerged} tells the other modules
     * to move the work still pending there.
     */
    @Transactional
    public UnitView merge(Collection<UnitId> sources, UnitId successor, String reason, String actor) {
        Set<Long> sourceIds = sources.stream().map(UnitId::value).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> errors = new LinkedHashMap<>();
        if (sourceIds.isEmpty()) {
            errors.put("sources", "unit.merge.noSources");
        }
        if (sourceIds.contains(successor.value())) {
            errors.put("successor", "unit.merge.successorIsSource");
        }
        UnitView target = units.findById(successor.value()).orElse(null);
        if (target == null) {
            errors.put("successor", "unit.parent.missing");
        } else if (!target.active()) {
            errors.put("successor", "unit.merge.successorDissolved");
        } else if (!errors.containsKey("successor")) {
            Set<Long> belowSources = units.selfAndDescendants(sourceIds);
            if (belowSources.contains(target.id())) {
                errors.put("successor", "unit.merge.successorBelowSource");
            }
        }
        List<UnitView> found = units.findByIds(sourceIds);
        if (found.size() != sourceIds.size()) {
            errors.put("sources", "unit.parent.missing");
        } else if (found.stream().anyMatch(u -> !u.active())) {
            errors.put("sources", "unit.merge.sourceDissolved");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        forgetUnitsAfterCommit();
        units.dissolveInto(sourceIds, successor.value(), now);
        staff.moveAssignments(sourceIds, successor.value());
        String why = Texts.clean(reason);
        units.recordMerge(successor.value(), sourceIds, why, actor, now);
        for (UnitView source : found) {
            audit.record(AuditEntry.of("unit.merged", actor, "unit", String.valueOf(source.id()))
                    .detail(source.code() + " " + source.name() + " → " + target.code() + " " + target.name())
                    .reason(why).change("active", true, false).change("successorId", null, target.id()));
        }
        events.publishEvent(new UnitsMerged(successor, sourceIds.stream().map(UnitId::new).toList(), why, actor, now));
        return units.findById(successor.value()).orElseThrow();
    }

    // --- scope -----------------------------------------------------------------------------------

    /**
     * Scopes are computed on every request (API and pages) from the staff
     * row and the unit tree, which change rarely. Like the units, a node keeps
     * each staff member's scope for a few seconds and drops all of them when
     * it changes a staff member or a unit itself (after the change commits);
     * another node's change shows within seconds. A scope computed while a
     * change was committing is not kept.
     */
    private static final long STAFF_CACHE_MILLIS = 5_000;
    private static final int STAFF_CACHE_MAX = 10_000;
    private final NodeCache<Long, OfficerScope> scopes = new NodeCache<>(STAFF_CACHE_MILLIS, STAFF_CACHE_MAX);
    private final NodeCache<Long, String> staffNames = new NodeCache<>(STAFF_CACHE_MILLIS, STAFF_CACHE_MAX);
    /** The access generation (see {@link #loginAccount}) the kept scopes were computed under. */
    private final java.util.concurrent.atomic.AtomicLong accessGeneration = new java.util.concurrent.atomic.AtomicLong(-1);

    /** The units the staff member may see: theirs and everything below; all for admins and supervisors. */
    public OfficerScope scopeOf(StaffId id) {
        return scopes.get(id.value(), k -> scopeOf(staff.findById(k).orElseThrow(() -> new NotFound("staff " + id))));
    }

    /** Drops the kept scopes and names now and again after the current transaction completes. */
    private void forgetStaffAfterCommit() {
        scopes.forgetAfterCommit();
        staffNames.forgetAfterCommit();
    }

    public OfficerScope scopeOf(String username) {
        return staff.findByUsername(username).map(this::scopeOf)
                .orElseThrow(() -> new NotFound("staff " + username));
    }

    private OfficerScope scopeOf(StaffRow row) {
        StaffId id = new StaffId(row.id());
        if (row.roles().stream().anyMatch(Role::seesAllUnits)) {
            return OfficerScope.everything(id);
        }
        return new OfficerScope(id, false, units.selfAndDescendants(row.unitIds()));
    }

    // --- staff ---------------------------------------------------------------------------------

    public PageResult<StaffView> searchStaff(String q, Long unitId, OfficerScope scope, int page, int size) {
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(page, size, 100);
        Texts.query("q", q);
        Collection<Long> filter;
        if (unitId != null) {
            if (!scope.includes(new UnitId(unitId))) {
                return new PageResult<>(List.of(), page, size, 0);
            }
            filter = units.selfAndDescendants(List.of(unitId));
        } else {
            filter = scope.allUnits() ? null : scope.unitIds();
        }
        List<StaffRow> rows = staff.search(q, filter, paging.offset(), size);
        return new PageResult<>(toViews(rows), page, size, staff.count(q, filter));
    }

    /** The staff member if at least one of their units lies in the scope; otherwise 404. */
    public StaffView staff(StaffId id, OfficerScope scope) {
        StaffRow row = staff.findById(id.value()).orElseThrow(() -> new NotFound("staff " + id));
        if (!scope.allUnits() && row.unitIds().stream().noneMatch(u -> scope.includes(new UnitId(u)))) {
            throw new NotFound("staff " + id);
        }
        return toViews(List.of(row)).get(0);
    }

    /** A staff member's name for display; kept for a few seconds like the scopes. */
    public Optional<String> findStaffName(long id) {
        return Optional.ofNullable(staffNames.get(id, k -> staff.findById(k).map(StaffRow::fullName).orElse(null)));
    }

    public Optional<StaffView> findStaffByUsername(String username) {
        return staff.findByUsername(username).map(r -> toViews(List.of(r)).get(0));
    }

    private List<StaffView> toViews(List<StaffRow> rows) {
        Set<Long> unitIds = rows.stream().flatMap(r -> r.unitIds().stream()).collect(Collectors.toSet());
        Map<Long, UnitView> byId = units.findByIds(unitIds).stream().collect(Collectors.toMap(UnitView::id, u -> u));
        return rows.stream().map(r -> new StaffView(r.id(), r.username(), r.fullName(), r.jobPosition(), r.email(),
                r.phone(), r.active(), r.roles(),
                r.unitIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                        .sorted(Comparator.comparing(UnitView::code)).toList(),
                r.version())).toList();
    }

    @Transactional
    public StaffView createStaff(StaffCommand command) {
        forgetStaffAfterCommit();
        Map<String, String> errors = validateStaff(null, command);
        if (Texts.isBlank(command.password())) {
            errors.put("password", "validation.required");
        } else if (passwordProblem(command.password()) != null) {
            errors.put("password", passwordProblem(command.password()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = staff.insert(command, passwordEncoder.encode(command.password()));
        audit.record(AuditEntry.of("staff.account.created", currentActor(), "staff", String.valueOf(id))
                .detail("username: " + command.username() + "; roles: " + roles(command.roles())
                        + "; units: " + unitCodes(command.unitIds())));
        return staff(new StaffId(id), OfficerScope.everything(new StaffId(id)));
    }

    /**
     * Saves an administrator's edit of an account. Each change of username, roles,
     * units or password goes to the audit trail (old → new; never a password);
     * a lost role or unit, a rename or a new password ends the person's sessions
     * on every node (the administrator's own current session survives a change of
     * their own password).
     */
    @Transactional
    public StaffView updateStaff(StaffId id, int version, StaffCommand command) {
        forgetStaffAfterCommit();
        StaffRow before = staff.findById(id.value()).orElseThrow(() -> new NotFound("staff " + id));
        Map<String, String> errors = validateStaff(id.value(), command);
        String newHash = null;
        if (!Texts.isBlank(command.password())) {
            if (passwordProblem(command.password()) != null) {
                errors.put("password", passwordProblem(command.password()));
            } else {
                newHash = passwordEncoder.encode(command.password());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        staff.update(id.value(), version, command, newHash);

        String actor = currentActor();
        String subject = String.valueOf(id.value());
        Set<StaffAccessChanged.Reason> reasons = java.util.EnumSet.noneOf(StaffAccessChanged.Reason.class);
        if (!before.username().equals(command.username())) {
            reasons.add(StaffAccessChanged.Reason.RENAMED);
            audit.record(AuditEntry.of("staff.username.changed", actor, "staff", subject)
                    .detail(before.username() + " → " + command.username())
                    .change("username", before.username(), command.username()));
        }
        if (!before.roles().equals(command.roles())) {
            if (!command.roles().containsAll(before.roles())) {
                reasons.add(StaffAccessChanged.Reason.ROLE_REMOVED);
            }
            audit.record(AuditEntry.of("staff.roles.changed", actor, "staff", subject)
                    .detail(roles(before.roles()) + " → " + roles(command.roles()))
                    .change("roles", roles(before.roles()), roles(command.roles())));
        }
        if (!before.unitIds().equals(command.unitIds())) {
            if (!command.unitIds().containsAll(before.unitIds())) {
                reasons.add(StaffAccessChanged.Reason.UNIT_REMOVED);
            }
            audit.record(AuditEntry.of("staff.units.changed", actor, "staff", subject)
                    .detail(unitCodes(before.unitIds()) + " → " + unitCodes(command.unitIds()))
                    .change("units", unitCodes(before.unitIds()), unitCodes(command.unitIds())));
        }
        StaffRow after = staff.findById(id.value()).orElseThrow();
        AuditEntry edited = AuditEntry.of("staff.account.edited", actor, "staff", subject).detail(after.username())
                .change("fullName", before.fullName(), after.fullName())
                .change("jobPosition", blankToNull(before.jobPosition()), blankToNull(after.jobPosition()))
                .change("email", blankToNull(before.email()), blankToNull(after.email()))
                .change("phone", blankToNull(before.phone()), blankToNull(after.phone()));
        if (!edited.changes().isEmpty()) {
            audit.record(edited);
        }
        boolean self = isCurrentUser(id);
        if (newHash != null) {
            reasons.add(self ? StaffAccessChanged.Reason.PASSWORD_CHANGED : StaffAccessChanged.Reason.PASSWORD_RESET);
            audit.record(AuditEntry.of(self ? "staff.password.changed" : "staff.password.reset", actor, "staff", subject)
                    .detail(self ? "by the account holder" : "by an administrator"));
        }
        if (!reasons.isEmpty()) {
            // only a change of one's own password keeps one's current session; losing one's own role keeps nothing
            boolean keep = self && reasons.equals(Set.of(StaffAccessChanged.Reason.PASSWORD_CHANGED));
            events.publishEvent(new StaffAccessChanged(id, new java.util.HashSet<>(List.of(before.username(), command.username())),
                    reasons, keep));
        }
        return staff(id, OfficerScope.everything(id));
    }

    /**
     * A staff member changes their own password: the current one must be given.
     * Their other sessions end on every node; the one they made the change in stays.
     * A wrong current password is an {@link InvalidInput} on {@code currentPassword}
     * and counts as a failed login (so this form cannot be used to guess it).
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public void changeOwnPassword(StaffId id, String currentPassword, String newPassword, String confirmation) {
        StaffRow row = staff.findById(id.value()).orElseThrow(() -> new NotFound("staff " + id));
        LoginAccount account = staff.loginAccount(row.username()).orElseThrow(() -> new NotFound("staff " + id));
        Map<String, String> errors = new LinkedHashMap<>();
        if (account.lockedAt(clock.instant()) || currentPassword == null || tooLongForBcrypt(currentPassword)
                || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            errors.put("currentPassword", "account.password.current.wrong");
        }
        if (Texts.isBlank(newPassword)) {
            errors.put("newPassword", "validation.required");
        } else if (passwordProblem(newPassword) != null) {
            errors.put("newPassword", passwordProblem(newPassword));
        } else if (!newPassword.equals(confirmation)) {
            errors.put("confirmation", "account.password.mismatch");
        }
        if (!errors.isEmpty()) {
            if (errors.containsKey("currentPassword") && !account.lockedAt(clock.instant())) {
                recordFailedLogin(row.username());
            }
            throw new InvalidInput(errors);
        }
        forgetStaffAfterCommit();
        staff.setPassword(id.value(), passwordEncoder.encode(newPassword));
        audit.record(AuditEntry.of("staff.password.changed", row.username(), "staff", String.valueOf(id.value()))
                .detail("by the account holder"));
        events.publishEvent(new StaffAccessChanged(id, Set.of(row.username()),
                Set.of(StaffAccessChanged.Reason.PASSWORD_CHANGED), true));
    }

    /** The message key of what is wrong with a new password (too short; longer than BCrypt reads), or null. */
    private static String passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return "staff.password.short";
        }
        return tooLongForBcrypt(password) ? "staff.password.tooLong" : null;
    }

    /** BCrypt reads 72 bytes and refuses more: such a password could never be checked. */
    private static boolean tooLongForBcrypt(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72;
    }

    private Map<String, String> validateStaff(Long id, StaffCommand c) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (staff.usernameTaken(c.username(), id)) {
            errors.put("username", "staff.username.taken");
        }
        List<UnitView> chosen = units.findByIds(c.unitIds());
        if (chosen.size() != c.unitIds().size()) {
            errors.put("unitIds", "unit.parent.missing");
        } else if (chosen.stream().anyMatch(u -> !u.active())) {
            errors.put("unitIds", "staff.units.dissolved");
        }
        return errors;
    }

    /** Deactivates or reactivates an account; deactivation ends all of its sessions on every node. */
    @Transactional
    public void setStaffActive(StaffId id, boolean active) {
        forgetStaffAfterCommit();
        StaffRow row = staff.findById(id.value()).orElseThrow(() -> new NotFound("staff " + id));
        staff.setActive(id.value(), active);
        if (row.active() != active) {
            audit.record(AuditEntry.of(active ? "staff.account.reactivated" : "staff.account.deactivated", currentActor(),
                    "staff", String.valueOf(id.value())).detail("active: " + row.active() + " → " + active));
        }
        if (!active) {
            events.publishEvent(new StaffAccessChanged(id, Set.of(row.username()),
                    Set.of(StaffAccessChanged.Reason.DEACTIVATED), false));
        }
    }

    /** The username of the staff member or citizen this request acts for; "system" outside a request. */
    private static String currentActor() {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return "system";
        }
        return a.getName();
    }

    private static boolean isCurrentUser(StaffId id) {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof StaffPrincipal p && p.staffId() == id.value();
    }

    private static String roles(Collection<Role> roles) {
        return roles.isEmpty() ? "-" : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private String unitCodes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return "-";
        }
        Map<Long, String> codes = units.findByIds(ids).stream().collect(Collectors.toMap(UnitView::id, UnitView::code));
        return ids.stream().sorted().map(i -> codes.getOrDefault(i, "#" + i)).collect(Collectors.joining(", "));
    }

    // --- authentication bookkeeping ------------------------------------------------------------

    /**
     * The account as it is in the database now, for a password or API-key
     * authentication (one statement, no transaction of its own). Read fresh on
     * every call, never kept: a password changed or an account deactivated on
     * any node stops working on every node at the very next call. The same
     * statement reads the access generation (a counter the database moves
     * whenever an account, a role, a unit assignment or the unit tree changes);
     * when it has moved since this node last looked, the node drops the scopes
     * and names it keeps, so another node's change of roles or units applies at
     * once to API calls here too.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<LoginAccount> loginAccount(String username) {
        return staff.freshLogin(username).map(this::seen);
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<LoginAccount> loginAccountForApiKey(String token) {
        return staff.freshLoginByApiKey(sha256(token)).map(this::seen);
    }

    private LoginAccount seen(StaffStore.FreshLogin fresh) {
        long g = fresh.accessGeneration();
        long before = accessGeneration.getAndSet(g);
        if (before != g) {
            scopes.forget();
            staffNames.forget();
            unitCache = null;
        }
        return fresh.account();
    }

    /**
     * Counts a failed login by the back-off rule ({@link LoginBackoff}): the fifth in a row
     * locks the account for a minute, each further lock of the run for twice as long (at
     * most fifteen minutes), and the count starts again once a lock has expired.
     */
    @Transactional
    public Optional<LoginBackoff.State> recordFailedLogin(String username) {
        return staff.recordFailure(username, clock.instant());
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        staff.recordSuccess(username);
    }

    /** Issues a random API key for a staff (service) account; only its SHA-256 is stored. */
    @Transactional
    public IssuedApiKey issueApiKey(StaffId owner, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "mc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        registerApiKey(owner, name, token);
        return new IssuedApiKey(name, token);
    }

    /** Registers a given token (used by the demo profile so its documented key works). */
    @Transactional
    public void registerApiKey(StaffId owner, String name, String token) {
        String hash = sha256(token);
        if (!staff.apiKeyExists(hash)) {
            String prefix = token.substring(0, Math.min(8, token.length()));
            staff.insertApiKey(owner.value(), name, hash, prefix);
            audit.record(AuditEntry.of("staff.api-key.issued", currentActor(), "staff", String.valueOf(owner.value()))
                    .detail("key " + name + " (" + prefix + "…)"));
        }
    }

    public static String sha256(String token) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long unitCount() {
        return units.count();
    }
}
