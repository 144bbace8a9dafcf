// Ids that package.json declares too (views, webview panel type): activation registers them,
// the features use them, and neither needs to load the other's code for a string.
export const contactsViewId = 'connectContacts.contacts';
export const contactPanelViewType = 'connectContacts.contact';
