-- Registering an email that already has an account answers like success and tells the account's owner by email:
-- at most once a day per account, so that registering someone's address again and again cannot flood their inbox.
ALTER TABLE accounts ADD COLUMN registration_attempt_noticed_at timestamptz;
