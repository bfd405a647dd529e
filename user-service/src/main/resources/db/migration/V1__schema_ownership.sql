-- The users schema belongs to user-service alone: no other service reads or writes it.
COMMENT ON SCHEMA users IS 'Owned by user-service. Accounts, roles, organizations, login and token signing keys.';
