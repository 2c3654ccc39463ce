CREATE INDEX `access_tokens_applicant` ON `access_tokens` (`applicant_id`);--> statement-breakpoint
CREATE INDEX `access_tokens_roster_entry` ON `access_tokens` (`roster_entry_id`);--> statement-breakpoint
UPDATE `access_tokens` SET `applicant_id` = (SELECT `id` FROM `applicants` WHERE `applicants`.`event_id` = `access_tokens`.`event_id` AND `applicants`.`code` = `access_tokens`.`subject`) WHERE `kind` = 'applicant' AND `applicant_id` IS NULL;--> statement-breakpoint
UPDATE `access_tokens` SET `roster_entry_id` = (SELECT `id` FROM `roster_entries` WHERE `roster_entries`.`event_id` = `access_tokens`.`event_id` AND `roster_entries`.`code` = `access_tokens`.`subject`) WHERE `kind` = 'feed' AND `roster_entry_id` IS NULL;--> statement-breakpoint
UPDATE `access_tokens` SET `expires_at` = (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', `events`.`date`, '+32 days') FROM `events` WHERE `events`.`id` = `access_tokens`.`event_id`) WHERE `kind` IN ('applicant', 'feed') AND `expires_at` IS NULL;
