package org.boxoffice.notification.message;

import java.util.List;
import java.util.Map;

/** What a message says before it is rendered: the wording's arguments, the templates' variables, the attachments. */
record MessageContent(Object[] args, Map<String, Object> variables, List<RenderedMessage.Attachment> attachments) {
}
