package org.boxoffice.user.flag.web;

import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.boxoffice.user.flag.FlagAdministration;
import org.boxoffice.user.flag.FlagView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Feature flags are the platform operators' switches: an admin's only, each setting checked before it is stored. */
@WebSliceTest(FlagAdminController.class)
class FlagAdminControllerWebTest {

    private static final String FLAG = "/api/v1/admin/flags/holds.paused";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private FlagAdministration flags;

    @Test
    void refusesASettingWithoutADefaultOrWithAShareAbove100NamingEachFieldAndChangesNothing() throws Exception {
        http.perform(put(FLAG).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rules\": [{\"value\": true, \"percentage\": 101, \"roles\": [\"KING\"]}]}"))
                .andExpect(fieldsRefused("defaultValue", "rules[0].percentage", "rules[0].roles[0]"));

        verifyNoInteractions(flags);
    }

    @Test
    void refusesAnOrganizerAsAdminRequiredAndNeitherReadsNorChangesAFlag() throws Exception {
        String organizer = "Bearer " + TestTokens.organizer(UUID.randomUUID());

        http.perform(get("/api/v1/admin/flags").header("Authorization", organizer))
                .andExpect(adminRequired())
                .andExpect(jsonPath("$.detail").value("Only an admin may read feature flags."));
        http.perform(put(FLAG).header("Authorization", organizer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultValue\": true}"))
                .andExpect(adminRequired())
                .andExpect(jsonPath("$.detail").value("Only an admin may change feature flags."));

        verifyNoInteractions(flags);
    }

    @Test
    void changesAFlagForAnAdminAndAnswersItAsItIsNow() throws Exception {
        FlagSetting on = new FlagSetting(true, List.of());
        when(flags.change(any(), eq("holds.paused"), eq(on))).thenReturn(new FlagView("holds.paused",
                "Pause new holds", on, new FlagSetting(false, List.of()), true, null, null));

        http.perform(put(FLAG).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"defaultValue\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("holds.paused"))
                .andExpect(jsonPath("$.setting.defaultValue").value(true))
                .andExpect(jsonPath("$.runtime").value(true));

        verify(flags).change(any(), eq("holds.paused"), eq(on));
    }
}
